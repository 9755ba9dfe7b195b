import fs from 'node:fs/promises';

const EOCD = 0x06054b50;
const CDH = 0x02014b50;
const MAX_CENTRAL_DIR = 16 * 1024 * 1024;

/**
 * The entry names of a ZIP file, read from its central directory only (nothing is decompressed, so a
 * ZIP bomb costs nothing). null when the file is not a well-formed ZIP this reader accepts (ZIP64 included:
 * no evidence file needs one).
 */
export async function zipEntryNames(file: string, size: number): Promise<string[] | null> {
  const h = await fs.open(file, 'r');
  try {
    const tailLen = Math.min(size, 22 + 0xffff);
    const tail = Buffer.alloc(tailLen);
    await h.read(tail, 0, tailLen, size - tailLen);
    let at = -1;
    for (let i = tailLen - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD) {
        at = i;
        break;
      }
    }
    if (at < 0) return null;
    const count = tail.readUInt16LE(at + 10);
    const cdSize = tail.readUInt32LE(at + 12);
    const cdOffset = tail.readUInt32LE(at + 16);
    if (count === 0xffff || cdOffset === 0xffffffff || cdSize > MAX_CENTRAL_DIR || cdOffset + cdSize > size) return null;
    const cd = Buffer.alloc(cdSize);
    await h.read(cd, 0, cdSize, cdOffset);
    const names: string[] = [];
    let p = 0;
    for (let n = 0; n < count; n++) {
      if (p + 46 > cd.length || cd.readUInt32LE(p) !== CDH) return null;
      const nameLen = cd.readUInt16LE(p + 28);
      const extraLen = cd.readUInt16LE(p + 30);
      const commentLen = cd.readUInt16LE(p + 32);
      if (p + 46 + nameLen > cd.length) return null;
      names.push(cd.toString('utf8', p + 46, p + 46 + nameLen));
      p += 46 + nameLen + extraLen + commentLen;
    }
    return names;
  } finally {
    await h.close();
  }
}
