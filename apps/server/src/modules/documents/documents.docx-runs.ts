/** Small .docx building blocks: runs in the right font, paragraphs on the 28.95 pt pitch, blank lines. */
import { AlignmentType, LineRuleType, Paragraph, TextRun, type IParagraphOptions } from 'docx';
import { FONT, LINE_PT, SIZE, ptToTwip } from './documents.layout.ts';

export const LINE = ptToTwip(LINE_PT);
/** One character of 3号, in twips. */
export const CHAR = ptToTwip(SIZE.body);

/** A font named for every script, so Word and WPS use it for Chinese, Latin and digits alike. */
export const font = (name: string) => ({ ascii: name, hAnsi: name, eastAsia: name, cs: name });

export function run(text: string, fontName: string = FONT.fangsong, sizePt: number = SIZE.body, extra: { color?: string; bold?: boolean } = {}) {
  return new TextRun({ text, font: font(fontName), size: sizePt * 2, ...extra });
}

export const exactLine = (pt: number = LINE_PT) => ({ line: ptToTwip(pt), lineRule: LineRuleType.EXACT, before: 0, after: 0 });

/** A body-style paragraph: justified, 2-character first-line indent, fixed pitch. */
export function bodyParagraph(children: TextRun[], opts: Partial<IParagraphOptions> = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: 2 * CHAR },
    spacing: exactLine(),
    ...opts,
    children,
  });
}

/** An empty line of the body's pitch. */
export const blankLine = (keepNext = false) => new Paragraph({ spacing: exactLine(), keepNext, children: [run('')] });
