/** The .docx body: headings, paragraphs, lists, tables and the attachment note (附件说明). */
import { AlignmentType, BorderStyle, LineRuleType, Paragraph, Table, TableCell, TableRow, WidthType, type FileChild } from 'docx';
import { FONT, SIZE, headingNumbers, textEm } from './documents.layout.ts';
import type { Block, OfficialDocument } from './documents.model.ts';
import { CHAR, bodyParagraph, blankLine, exactLine, run } from './documents.docx-runs.ts';

const HEADING_FONT = { heading1: FONT.heiti, heading2: FONT.kaiti, heading3: FONT.fangsong } as const;

const thin = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

function table(block: Extract<Block, { type: 'table' }>): Table {
  const cell = (text: string, header: boolean) =>
    new TableCell({
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      children: [
        new Paragraph({
          alignment: header ? AlignmentType.CENTER : AlignmentType.LEFT,
          spacing: { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 },
          children: [run(text, header ? FONT.heiti : FONT.fangsong, SIZE.table)],
        }),
      ],
    });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: { top: thin, bottom: thin, left: thin, right: thin, insideHorizontal: thin, insideVertical: thin },
    rows: [
      new TableRow({ tableHeader: true, children: block.columns.map((c) => cell(c, true)) }),
      ...block.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c) => cell(c, false)) })),
    ],
  });
}

export function bodyBlocks(doc: OfficialDocument): FileChild[] {
  const numbers = headingNumbers(doc.body);
  const out: FileChild[] = [];
  doc.body.forEach((block, i) => {
    switch (block.type) {
      case 'heading1':
      case 'heading2':
      case 'heading3':
        out.push(bodyParagraph([run(`${numbers.get(i)}${block.text}`, HEADING_FONT[block.type])], { keepNext: true }));
        break;
      case 'paragraph':
        // the last paragraph stays with the signature: no page holds a signature without text
        out.push(bodyParagraph([run(block.text)], { keepNext: i === doc.body.length - 1 }));
        break;
      case 'list':
        block.items.forEach((item, n) => out.push(bodyParagraph([run(block.numbered === false ? item : `（${n + 1}）${item}`)])));
        break;
      case 'table':
        if (block.caption) out.push(new Paragraph({ alignment: AlignmentType.CENTER, spacing: exactLine(), children: [run(block.caption, FONT.heiti)] }));
        out.push(table(block));
        break;
    }
  });
  return out;
}

/** 附件：1.XXXX — left 2 characters in, later names aligned with the first one's first character. */
export function attachmentNote(doc: OfficialDocument): Paragraph[] {
  if (!doc.attachments.length) return [];
  const label = '附件：';
  const many = doc.attachments.length > 1;
  const nameStart = 2 + textEm(label);
  return [
    blankLine(),
    ...doc.attachments.map((name, i) => {
      const number = many ? `${i + 1}.` : '';
      const lead = (i === 0 ? label : '') + number;
      const left = (nameStart + (many ? textEm(`${i + 1}.`) : 0)) * CHAR;
      return new Paragraph({
        alignment: AlignmentType.JUSTIFIED,
        indent: { left, hanging: textEm(lead) * CHAR },
        spacing: exactLine(),
        keepNext: true,
        children: [run(lead + name)],
      });
    }),
  ];
}
