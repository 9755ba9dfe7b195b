import { sniffHead, type Inspection } from './detect.ts';

const HEAD_BYTES = 4096;
const DECIDE_AT = 18; // enough bytes for every signature sniffHead knows

/**
 * Looks at an upload as it streams past, keeping nothing but the first 4 KB: a PDF is scanned for
 * script name objects, anything without a binary signature is checked to be UTF-8 text without NULs.
 */
export class Inspector {
  private head = Buffer.alloc(0);
  private pending: Buffer[] = [];
  private mode: 'undecided' | 'pdf' | 'text' | 'binary' = 'undecided';
  private pdf = new PdfScriptScanner();
  private utf8: TextDecoder | null = null;
  private textValid = true;

  push(chunk: Buffer): void {
    if (this.head.length < HEAD_BYTES) this.head = Buffer.concat([this.head, chunk.subarray(0, HEAD_BYTES - this.head.length)]);
    if (this.mode === 'undecided') {
      this.pending.push(chunk);
      if (this.head.length >= DECIDE_AT) this.decide();
      return;
    }
    this.feed(chunk);
  }

  finish(): Inspection {
    if (this.mode === 'undecided') this.decide();
    if (this.mode === 'pdf') this.pdf.end();
    if (this.mode === 'text' && this.utf8) {
      try {
        this.utf8.decode();
      } catch {
        this.textValid = false;
      }
    }
    return { head: this.head, pdfHasScript: this.pdf.found, textValid: this.textValid };
  }

  private decide(): void {
    const kind = sniffHead(this.head);
    this.mode = kind === 'pdf' ? 'pdf' : kind === 'text' ? 'text' : 'binary';
    if (this.mode === 'text') this.utf8 = new TextDecoder('utf-8', { fatal: true });
    for (const c of this.pending) this.feed(c);
    this.pending = [];
  }

  private feed(chunk: Buffer): void {
    if (this.mode === 'pdf') this.pdf.push(chunk);
    else if (this.mode === 'text' && this.textValid && this.utf8) {
      if (chunk.includes(0)) this.textValid = false;
      else {
        try {
          this.utf8.decode(chunk, { stream: true });
        } catch {
          this.textValid = false;
        }
      }
    }
  }
}

/** PDF names that make a reader run code or start programs. `#xx` escapes are decoded (`/J#53` is `/JS`). */
const SCRIPT_NAMES = new Set(['JS', 'JavaScript', 'Launch']);
const NAME = /\/((?:[^\s/<>[\]()%{}#]|#[0-9A-Fa-f]{2})+)/g;
const CARRY = 256;

/**
 * Streaming scan of the raw PDF bytes. A name cut by a chunk boundary is looked at again with the next
 * chunk (the last 256 characters are carried over). Names inside compressed object streams are not seen:
 * see ADR 0007 — such files are still never served inline.
 */
export class PdfScriptScanner {
  found = false;
  private carry = '';

  push(chunk: Buffer): void {
    if (this.found) return;
    const text = this.carry + chunk.toString('latin1');
    this.scan(text, false);
    this.carry = text.slice(-CARRY);
  }

  end(): void {
    if (!this.found) this.scan(this.carry, true);
  }

  private scan(text: string, final: boolean): void {
    NAME.lastIndex = 0;
    for (let m = NAME.exec(text); m; m = NAME.exec(text)) {
      if (!final && m.index + m[0].length === text.length) break; // may continue in the next chunk
      const name = m[1].replace(/#([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
      if (SCRIPT_NAMES.has(name)) {
        this.found = true;
        return;
      }
    }
  }
}
