/**
 * The server sends titles and snippets as escaped text with the query's words in <mark>…</mark>
 * (search.highlight.ts). They are turned back into plain pieces here and rendered as React text, so no
 * server string is ever inserted as HTML.
 */
export interface Piece {
  text: string;
  marked: boolean;
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };
const unescape = (s: string) => s.replace(/&(amp|lt|gt|quot|#39);/g, (e) => ENTITIES[e] ?? e);

export function markedPieces(html: string): Piece[] {
  const out: Piece[] = [];
  const re = /<mark>(.*?)<\/mark>/gs;
  let last = 0;
  for (const m of html.matchAll(re)) {
    if (m.index > last) out.push({ text: unescape(html.slice(last, m.index)), marked: false });
    out.push({ text: unescape(m[1] ?? ''), marked: true });
    last = m.index + m[0].length;
  }
  if (last < html.length) out.push({ text: unescape(html.slice(last)), marked: false });
  return out;
}
