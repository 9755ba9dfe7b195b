import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { renderDocx } from './documents.docx.ts';
import { DOCUMENT_KINDS, type DocumentKind } from './documents.model.ts';
import { buildDocument } from './documents.templates.ts';
import { sampleData } from './documents.test-support.ts';

async function open(kind: DocumentKind, edit: (d: ReturnType<typeof sampleData>) => void = () => {}) {
  const data = sampleData(kind);
  edit(data);
  const doc = buildDocument(kind, data);
  const bytes = await renderDocx(doc);
  const zip = await JSZip.loadAsync(bytes);
  const read = (name: string) => zip.file(name)?.async('string') ?? Promise.resolve('');
  return { doc, bytes, zip, xml: await read('word/document.xml'), settings: await read('word/settings.xml'), styles: await read('word/styles.xml'), read };
}

/** All the text of a part, runs joined. */
const textOf = (xml: string) => [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

describe.each(DOCUMENT_KINDS)('%s as .docx', (kind) => {
  it('is an A4 page with the GB/T 9704 margins, fonts, number, date and odd/even page numbers', async () => {
    const { bytes, xml, settings, styles, doc, read } = await open(kind);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    // A4 in twips; top 37 mm, right 26 mm, bottom 35 mm, left 28 mm: a 156 × 225 mm text block
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect((11906 - 1474 - 1587) / 56.6929).toBeCloseTo(156, 0);
    expect((16838 - 2098 - 1984) / 56.6929).toBeCloseTo(225, 0);
    // 22 lines a page: a fixed 28.95 pt pitch
    expect(xml).toMatch(/<w:docGrid w:type="linesAndChars" w:linePitch="579"/);
    expect(styles).toMatch(/w:line="579" w:lineRule="exact"/);
    // body 3号 仿宋 by default, title 2号 方正小标宋简体, headings 黑体 / 楷体
    expect(styles).toMatch(/<w:rFonts w:ascii="仿宋_GB2312"[^>]*w:eastAsia="仿宋_GB2312"/);
    expect(styles).toMatch(/<w:sz w:val="32"\/>/);
    expect(xml).toMatch(/<w:rFonts[^>]*w:eastAsia="方正小标宋简体"[^>]*\/><w:sz w:val="44"\/>/);
    if (doc.body.some((b) => b.type === 'heading1')) expect(xml).toMatch(/w:eastAsia="黑体"/);
    // body paragraphs indented two characters (2 × 16 pt)
    expect(xml).toMatch(/<w:ind w:firstLine="640"\/>/);
    // red issuing-body mark, number centred above a red line
    const text = textOf(xml);
    expect(text.startsWith(`${doc.issuer.name}${doc.docNumber}`)).toBe(true);
    expect(doc.docNumber).toMatch(/^鄂维援.字〔2026〕12号$/);
    expect(xml).toMatch(/<w:color w:val="E60012"\/>/);
    expect(xml).toMatch(/<w:bottom w:val="single" w:color="E60012" w:sz="12" w:space="4"\/>/);
    // addressee with a full-width colon, date as 2026年11月22日 (China Standard Time), 4 characters in
    expect(text).toContain(`${doc.addressee}：`);
    expect(text).toContain('2026年11月22日');
    expect(xml).toMatch(/<w:ind w:right="1280"\/><w:jc w:val="right"\/><\/w:pPr><w:r><w:rPr>(<[^>]*>)*?<\/w:rPr><w:t xml:space="preserve">2026年11月22日/);
    // seal area: an SVG with a PNG fallback, floating over signature and date
    expect(xml).toContain('<wp:anchor');
    expect(xml).toContain('name="seal"');
    // closing block: floated to the foot of the text block
    expect(xml).toMatch(/<w:tblpPr[^>]*w:tblpYSpec="bottom"[^>]*w:vertAnchor="margin"/);
    expect(text).toContain(`${doc.printedBy}${doc.printedOn}印发`);
    // odd pages: number on the right; even pages: on the left; 4号 (14 pt) 宋体 — N —
    expect(settings).toContain('<w:evenAndOddHeaders/>');
    expect(xml).toMatch(/<w:footerReference w:type="default" r:id="(\w+)"\/><w:footerReference w:type="even" r:id="(\w+)"\/>/);
    const rels = await read('word/_rels/document.xml.rels');
    const target = (type: string) => {
      const id = new RegExp(`<w:footerReference w:type="${type}" r:id="(\\w+)"`).exec(xml)![1];
      return new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)![1];
    };
    const odd = await read(`word/${target('default')}`);
    const even = await read(`word/${target('even')}`);
    for (const [footer, side, jc] of [[odd, 'right', 'right'], [even, 'left', 'left']] as const) {
      expect(footer).toMatch(new RegExp(`<w:ind w:${side}="280"/><w:jc w:val="${jc}"/>`));
      expect(footer).toMatch(/w:eastAsia="宋体"/);
      expect(footer).toMatch(/<w:sz w:val="28"\/>/);
      expect(footer).toContain('PAGE');
      expect(textOf(footer)).toBe('—  —');
    }
  });
});

describe('document variants', () => {
  it('lists attachments as 附件：1.… aligned, and copies-to in the closing block', async () => {
    const { xml } = await open('transfer_letter');
    const text = textOf(xml);
    expect(text).toContain('附件：1.案件材料清单2.申请人身份证明及权利证明材料');
    expect(text).toContain('抄送：湖北省知识产权局知识产权保护处。');
  });

  it('lays out an unsealed document without a seal: signature 2 characters in', async () => {
    const { xml } = await open('acceptance_notice', (d) => {
      d.issuer = { ...d.issuer, sealText: undefined };
    });
    expect(xml).not.toContain('name="seal"');
    expect(xml).toMatch(/<w:ind w:right="640"\/><w:jc w:val="right"\/>/);
  });

  it('writes the compared claims of an infringement opinion as a table', async () => {
    const { xml } = await open('infringement_opinion');
    expect(xml).toContain('<w:tbl>');
    expect(textOf(xml)).toContain('座椅框架由两组交叉铰接的支撑杆构成');
    expect(textOf(xml)).toContain('构成侵权的可能性较大');
  });
});
