/** An official document as .docx, laid out by GB/T 9704-2012 (A4, 版心 156 × 225 mm, 3号 仿宋, 22 lines a page). */
import {
  AlignmentType,
  BorderStyle,
  Document,
  DocumentGridType,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
} from 'docx';
import { BLOCK_WIDTH_PT, FONT, LINE_PT, MARGIN, PAGE, RED, SIZE, markSizePt, mmToTwip, ptToTwip, titleLines } from './documents.layout.ts';
import type { OfficialDocument } from './documents.model.ts';
import { attachmentNote, bodyBlocks } from './documents.docx-blocks.ts';
import { closingBlock, signatureBlock } from './documents.docx-closing.ts';
import { blankLine, exactLine, font, run } from './documents.docx-runs.ts';

/** 版头: the red issuing-body mark, the document number, the red separator; then the title and the addressee. */
function head(doc: OfficialDocument): Paragraph[] {
  const mark = markSizePt(doc.issuer.name);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: exactLine(mark * 1.3),
      children: [run(doc.issuer.name, FONT.xiaobiaosong, mark, { color: RED })],
    }),
    blankLine(),
    blankLine(),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: exactLine(),
      border: { bottom: { style: BorderStyle.SINGLE, size: 12, color: RED, space: 4 } },
      children: [run(doc.docNumber)],
    }),
    blankLine(),
    blankLine(),
    ...titleLines(doc.title).map(
      (line) => new Paragraph({ alignment: AlignmentType.CENTER, spacing: exactLine(), keepNext: true, children: [run(line, FONT.xiaobiaosong, SIZE.title)] }),
    ),
    blankLine(true),
    new Paragraph({ spacing: exactLine(), keepNext: true, children: [run(`${doc.addressee}：`)] }),
  ];
}

/** — 1 — in 4号 宋体, one character in from the outer edge: odd pages right, even pages left. */
function pageNumberFooter(side: 'odd' | 'even'): Footer {
  const size = SIZE.pageNumber * 2;
  const oneChar = ptToTwip(SIZE.pageNumber);
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: side === 'odd' ? { right: oneChar } : { left: oneChar },
        spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
        children: [new TextRun({ font: font(FONT.songti), size, children: ['— ', PageNumber.CURRENT, ' —'] })],
      }),
    ],
  });
}

export function toDocx(doc: OfficialDocument): Document {
  return new Document({
    creator: doc.issuer.name,
    title: doc.title,
    description: doc.docNumber,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: font(FONT.fangsong), size: SIZE.body * 2 },
          paragraph: { spacing: exactLine() },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: mmToTwip(PAGE.widthMm), height: mmToTwip(PAGE.heightMm) },
            // the page number's dash sits 7 mm below the text block
            margin: {
              top: mmToTwip(MARGIN.topMm),
              right: mmToTwip(MARGIN.rightMm),
              bottom: mmToTwip(MARGIN.bottomMm),
              left: mmToTwip(MARGIN.leftMm),
              header: mmToTwip(15),
              footer: mmToTwip(MARGIN.bottomMm - 7 - 4),
            },
          },
          // 22 lines of 28 characters: the grid squeezes the 16 pt characters to 156 mm / 28
          grid: {
            type: DocumentGridType.LINES_AND_CHARS,
            linePitch: ptToTwip(LINE_PT),
            charSpace: Math.round((BLOCK_WIDTH_PT / 28 - SIZE.body) * 4096),
          },
        },
        footers: { default: pageNumberFooter('odd'), even: pageNumberFooter('even') },
        children: [...head(doc), ...bodyBlocks(doc), ...attachmentNote(doc), ...signatureBlock(doc), ...closingBlock(doc)],
      },
    ],
  });
}

/** The .docx file's bytes. */
export async function renderDocx(doc: OfficialDocument): Promise<Buffer> {
  return Packer.toBuffer(toDocx(doc));
}
