/** An official document as HTML: the source of the PDF, and of the previews. */
import { fontFaceCss } from './documents.fonts.ts';
import { DOCUMENT_CSS } from './documents.html-css.ts';
import { LINE_PT, SEAL, headingNumbers, markSizePt, signatureIndents, textEm, titleLines } from './documents.layout.ts';
import type { Block, OfficialDocument } from './documents.model.ts';
import { sealSvg } from './documents.seal.ts';

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const blank = '<div class="blank"></div>';
const HEADING_TAG = { heading1: 'h2', heading2: 'h3', heading3: 'h4' } as const;

function block(b: Block, number: string | undefined): string {
  switch (b.type) {
    case 'heading1':
    case 'heading2':
    case 'heading3':
      return `<${HEADING_TAG[b.type]}>${esc(`${number}${b.text}`)}</${HEADING_TAG[b.type]}>`;
    case 'paragraph':
      return `<p class="text">${esc(b.text)}</p>`;
    case 'list':
      return b.items.map((item, i) => `<p class="text">${esc(b.numbered === false ? item : `（${i + 1}）${item}`)}</p>`).join('');
    case 'table': {
      const head = `<tr>${b.columns.map((c) => `<th>${esc(c)}</th>`).join('')}</tr>`;
      const rows = b.rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('');
      return `${b.caption ? `<p class="caption">${esc(b.caption)}</p>` : ''}<table class="data"><thead>${head}</thead><tbody>${rows}</tbody></table>`;
    }
  }
}

function attachments(doc: OfficialDocument): string {
  if (!doc.attachments.length) return '';
  const many = doc.attachments.length > 1;
  const label = '附件：';
  const lines = doc.attachments.map((name, i) => {
    const lead = (i === 0 ? label : '') + (many ? `${i + 1}.` : '');
    const left = 2 + textEm(label) + (many ? textEm(`${i + 1}.`) : 0);
    return `<p class="attachment" style="padding-left:${left}em;text-indent:-${textEm(lead)}em">${esc(lead + name)}</p>`;
  });
  return blank + lines.join('');
}

function signing(doc: OfficialDocument): string {
  const sealed = Boolean(doc.issuer.sealText);
  const { signatureRight, dateRight } = signatureIndents(doc.signature, doc.date, sealed);
  const r = SEAL.diameterMm / 2;
  const seal = sealed
    ? `<div class="seal" aria-label="印章位置" style="right:calc(${dateRight + textEm(doc.date) / 2}em - ${r}mm);` +
      `top:calc(${SEAL.centreBelowSignatureTopPt}pt - ${r}mm)">${sealSvg(doc.issuer.sealText!).replace('<svg ', '<svg style="width:100%;height:100%" ')}</div>`
    : '';
  // GB/T 9704 7.3.5: the seal and the text share a page; the block never starts a page by itself
  return (
    `<div class="signing-block">${sealed ? blank + blank : blank}` +
    // the seal reaches below the date: the block holds all of it, so a page break never cuts the seal off
    `<div class="signing"${sealed ? ` style="padding-bottom:max(0mm, calc(${SEAL.centreBelowSignatureTopPt}pt + ${r}mm - ${2 * LINE_PT}pt))"` : ''}>` +
    `<p class="signature" style="padding-right:${signatureRight}em">${esc(doc.signature)}</p>` +
    `<p class="date" style="padding-right:${dateRight}em">${esc(doc.date)}</p>${seal}</div></div>`
  );
}

function closing(doc: OfficialDocument): string {
  const copies = doc.copiesTo.length ? `<tr><td colspan="2" class="copies">抄送：${esc(doc.copiesTo.join('，'))}。</td></tr>` : '';
  return (
    '<div class="closing-spacer"></div><table class="closing">' +
    `${copies}<tr><td class="by">${esc(doc.printedBy)}</td><td class="on">${esc(doc.printedOn)}印发</td></tr></table>`
  );
}

/** The document's visible text, for choosing font slices (and for tests). */
export function documentText(doc: OfficialDocument): string {
  const body = doc.body.map((b) => (b.type === 'list' ? b.items.join('') : b.type === 'table' ? [...b.columns, ...b.rows.flat(), b.caption ?? ''].join('') : b.text));
  return [doc.issuer.name, doc.issuer.sealText ?? '', doc.docNumber, doc.title, doc.addressee, ...body, ...doc.attachments, doc.signature, doc.date, ...doc.copiesTo, doc.printedBy, doc.printedOn]
    .join('')
    .concat('：，。（）一二三四五六七八九十、0123456789.— 附件抄送印发');
}

export function renderHtml(doc: OfficialDocument): string {
  const numbers = headingNumbers(doc.body);
  const mark = markSizePt(doc.issuer.name);
  const title = titleLines(doc.title).map((l) => `<span>${esc(l)}</span>`).join('');
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${esc(doc.title)}</title>
<style>${fontFaceCss(documentText(doc))}
${DOCUMENT_CSS}</style></head>
<body><main class="doc" data-kind="${doc.kind}">
<header><p class="mark" style="font-size:${mark}pt;line-height:${(mark * 1.3).toFixed(2)}pt">${esc(doc.issuer.name)}</p>${blank}${blank}
<p class="number">${esc(doc.docNumber)}</p><hr class="separator"></header>
${blank}${blank}<h1 class="title">${title}</h1>${blank}
<p class="addressee">${esc(doc.addressee)}：</p>
${doc.body.map((b, i) => block(b, numbers.get(i))).join('\n')}
${attachments(doc)}
${signing(doc)}
${closing(doc)}
</main></body></html>`;
}
