/** The end of a .docx: signature, date and seal area (落款), then the closing block (版记) at the page foot. */
import {
  AlignmentType,
  BorderStyle,
  HorizontalPositionRelativeFrom,
  ImageRun,
  LineRuleType,
  OverlapType,
  Paragraph,
  RelativeHorizontalPosition,
  RelativeVerticalPosition,
  Table,
  TableAnchorType,
  TableCell,
  TableRow,
  TextWrappingType,
  VerticalPositionRelativeFrom,
  WidthType,
  type FileChild,
} from 'docx';
import { BLOCK_WIDTH_PT, FONT, SEAL, SIZE, mmToPt, signatureIndents, textEm } from './documents.layout.ts';
import type { OfficialDocument } from './documents.model.ts';
import { sealRingPng, sealSvg } from './documents.seal.ts';
import { CHAR, blankLine, exactLine, run } from './documents.docx-runs.ts';

const EMU_PER_PT = 12700;

function sealImage(doc: OfficialDocument, dateRight: number): ImageRun {
  const d = mmToPt(SEAL.diameterMm);
  const dateCentreFromRight = (dateRight + textEm(doc.date) / 2) * SIZE.body;
  const x = BLOCK_WIDTH_PT - dateCentreFromRight - d / 2;
  const y = SEAL.centreBelowSignatureTopPt - d / 2;
  const px = Math.round((d * 96) / 72);
  return new ImageRun({
    type: 'svg',
    data: Buffer.from(sealSvg(doc.issuer.sealText!)),
    fallback: { type: 'png', data: sealRingPng() },
    transformation: { width: px, height: px },
    altText: { name: 'seal', title: '印章位置', description: `印章：${doc.issuer.sealText}` },
    floating: {
      horizontalPosition: { relative: HorizontalPositionRelativeFrom.MARGIN, offset: Math.round(x * EMU_PER_PT) },
      verticalPosition: { relative: VerticalPositionRelativeFrom.PARAGRAPH, offset: Math.round(y * EMU_PER_PT) },
      allowOverlap: true,
      behindDocument: false,
      wrap: { type: TextWrappingType.NONE },
      zIndex: 10,
    },
  });
}

/** Signature and date; sealed documents get two blank lines above and the seal pressing on both. */
export function signatureBlock(doc: OfficialDocument): Paragraph[] {
  const sealed = Boolean(doc.issuer.sealText);
  const { signatureRight, dateRight } = signatureIndents(doc.signature, doc.date, sealed);
  const blanks = sealed ? [blankLine(true), blankLine(true)] : [blankLine(true)];
  return [
    ...blanks,
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      indent: { right: Math.round(signatureRight * CHAR) },
      spacing: exactLine(),
      keepNext: true,
      children: sealed ? [run(doc.signature), sealImage(doc, dateRight)] : [run(doc.signature)],
    }),
    new Paragraph({
      alignment: AlignmentType.RIGHT,
      indent: { right: Math.round(dateRight * CHAR) },
      spacing: exactLine(),
      children: [run(doc.date)],
    }),
  ];
}

const thick = { style: BorderStyle.SINGLE, size: 8, color: '000000' }; // 0.35 mm ≈ 1 pt
const thin = { style: BorderStyle.SINGLE, size: 6, color: '000000' }; // 0.25 mm ≈ 0.75 pt
const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const ONE = Math.round(SIZE.closing * 20);

function closingCell(text: string, align: 'left' | 'right', span = 1, indent: { left?: number; hanging?: number } = {}): TableCell {
  return new TableCell({
    columnSpan: span,
    margins: { top: 60, bottom: 60, left: 0, right: 0 },
    borders: { left: none, right: none },
    children: [
      new Paragraph({
        alignment: align === 'left' ? AlignmentType.LEFT : AlignmentType.RIGHT,
        indent: align === 'left' ? { left: ONE, ...indent } : { right: ONE },
        spacing: { line: 360, lineRule: LineRuleType.EXACT, before: 0, after: 0 },
        children: [run(text, FONT.fangsong, SIZE.closing)],
      }),
    ],
  });
}

/**
 * 版记: 抄送 and 印发机关/印发日期 in 4号 仿宋, one character in from each side, between a thick first and
 * last line with thin lines between; floated to the foot of the text block of the last page.
 */
export function closingBlock(doc: OfficialDocument): FileChild[] {
  const rows: TableRow[] = [];
  if (doc.copiesTo.length) {
    const label = '抄送：';
    rows.push(
      new TableRow({
        children: [closingCell(`${label}${doc.copiesTo.join('，')}。`, 'left', 2, { left: ONE + textEm(label) * ONE, hanging: textEm(label) * ONE })],
      }),
    );
  }
  rows.push(new TableRow({ children: [closingCell(doc.printedBy, 'left'), closingCell(`${doc.printedOn}印发`, 'right')] }));
  const table = new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    // 156 mm in all; the date cell holds 「2026年11月22日印发」 (9 em of 4号) plus the indent with room for wider digits
    columnWidths: [5200, 3640],
    borders: { top: thick, bottom: thick, left: none, right: none, insideHorizontal: thin, insideVertical: none },
    float: {
      horizontalAnchor: TableAnchorType.MARGIN,
      verticalAnchor: TableAnchorType.MARGIN,
      relativeHorizontalPosition: RelativeHorizontalPosition.CENTER,
      relativeVerticalPosition: RelativeVerticalPosition.BOTTOM,
      overlap: OverlapType.NEVER,
    },
    rows,
  });
  return [table, new Paragraph({ spacing: { line: 20, lineRule: LineRuleType.EXACT }, children: [] })];
}
