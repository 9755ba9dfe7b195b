/** The print stylesheet of the HTML rendering: the same GB/T 9704 measures as the .docx. */
import { BLOCK, BLOCK_WIDTH_PT, FONT, LINE_PT, MARGIN, RED, SIZE } from './documents.layout.ts';
import { FALLBACK } from './documents.fonts.ts';

const q = (s: string) => `"${s}"`;
export const FAMILY = {
  fangsong: [FONT.fangsong, 'FangSong_GB2312', FONT.fangsongAlt, 'FangSong', 'STFangsong', FALLBACK.serif].map(q).join(', '),
  heiti: [FONT.heiti, 'SimHei', 'STHeiti', FALLBACK.sans].map(q).join(', '),
  kaiti: [FONT.kaiti, 'KaiTi_GB2312', FONT.kaitiAlt, 'KaiTi', 'STKaiti', FALLBACK.serif].map(q).join(', '),
  xiaobiaosong: [FONT.xiaobiaosong, 'FZXiaoBiaoSong-B05S', FALLBACK.serifBold].map(q).join(', '),
  songti: [FONT.songti, 'SimSun', 'STSong', FALLBACK.serif].map(q).join(', '),
};

/** 28 characters to the 156 mm line: each 16 pt character gets this much (negative) extra spacing. */
const LETTER_SPACING_PT = (BLOCK_WIDTH_PT / 28 - SIZE.body).toFixed(3);

const pageNumber = (side: 'left' | 'right') => `
  @bottom-${side} {
    content: "— " counter(page) " —";
    font-family: ${FAMILY.songti}; font-size: ${SIZE.pageNumber}pt; line-height: ${SIZE.pageNumber}pt;
    vertical-align: top; padding-top: 5mm; padding-${side}: ${SIZE.pageNumber}pt; text-align: ${side};
  }`;

export const DOCUMENT_CSS = `
@page { size: A4; margin: ${MARGIN.topMm}mm ${MARGIN.rightMm}mm ${MARGIN.bottomMm}mm ${MARGIN.leftMm}mm; }
@page :right { ${pageNumber('right')} }
@page :left { ${pageNumber('left')} }
html, body { margin: 0; padding: 0; background: #fff; color: #000; }
.doc {
  width: ${BLOCK.widthMm}mm; font-family: ${FAMILY.fangsong}; font-size: ${SIZE.body}pt; line-height: ${LINE_PT}pt;
  letter-spacing: ${LETTER_SPACING_PT}pt; orphans: 1; widows: 1; -webkit-font-smoothing: antialiased;
}
.doc p { margin: 0; min-height: ${LINE_PT}pt; }
/* Chinese breaks anywhere; a case number or patent number stays whole unless it is longer than a line (the .docx in Word does the same) */
.doc .text { text-indent: 2em; text-align: justify; word-break: normal; line-break: strict; overflow-wrap: anywhere; }
.doc .blank { height: ${LINE_PT}pt; }
.mark { color: #${RED}; font-family: ${FAMILY.xiaobiaosong}; text-align: center; letter-spacing: 0.05em; white-space: nowrap; }
.number { text-align: center; }
.separator { border: 0; border-top: 1.5pt solid #${RED}; margin: 4mm 0 0 0; height: 0; }
.title { margin: 0; font-family: ${FAMILY.xiaobiaosong}; font-weight: normal; font-size: ${SIZE.title}pt; line-height: ${LINE_PT}pt;
  text-align: center; letter-spacing: 0; break-after: avoid; }
.title span { display: block; }
.addressee { break-after: avoid; }
h2, h3, h4 { margin: 0; font-size: ${SIZE.body}pt; font-weight: normal; text-indent: 2em; break-after: avoid; }
h2 { font-family: ${FAMILY.heiti}; }
h3 { font-family: ${FAMILY.kaiti}; }
h4 { font-family: ${FAMILY.fangsong}; }
table.data { width: 100%; border-collapse: collapse; font-size: ${SIZE.table}pt; line-height: 1.5; letter-spacing: 0; }
table.data th, table.data td { border: 0.5pt solid #000; padding: 1mm 1.5mm; vertical-align: top; text-align: left; }
table.data th { font-family: ${FAMILY.heiti}; font-weight: normal; text-align: center; }
table.data tr { break-inside: avoid; }
.caption { text-align: center; font-family: ${FAMILY.heiti}; }
.attachment { text-align: justify; }
.signing-block { break-before: avoid; break-inside: avoid; }
.signing { position: relative; break-inside: avoid; }
.signing p { text-align: right; white-space: nowrap; }
.seal { position: absolute; width: 42mm; height: 42mm; opacity: 0.9; }
.closing-spacer { height: 0; }
table.closing { width: 100%; border-collapse: collapse; font-size: ${SIZE.closing}pt; line-height: 7mm; letter-spacing: 0;
  border-top: 1pt solid #000; border-bottom: 1pt solid #000; break-inside: avoid; }
table.closing td { padding: 0.8mm ${SIZE.closing}pt; }
table.closing tr + tr td { border-top: 0.75pt solid #000; }
table.closing .copies { padding-left: calc(${SIZE.closing}pt + 3em); text-indent: -3em; }
table.closing .on { text-align: right; white-space: nowrap; }
`;
