/**
 * Snippets with the query's words marked. The text is HTML-escaped and the only markup added is
 * <mark>…</mark>, so a client may render the result as HTML.
 */
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

function pattern(words: readonly string[]): RegExp | null {
  const ws = [...new Set(words)].filter(Boolean).sort((a, b) => b.length - a.length);
  if (ws.length === 0) return null;
  return new RegExp(ws.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'giu');
}

/** Escape `text` and wrap every occurrence of a word (case-insensitive) in <mark>. */
export function mark(text: string, words: readonly string[]): string {
  const re = pattern(words);
  if (!re) return escapeHtml(text);
  let out = '';
  let last = 0;
  for (const m of text.matchAll(re)) {
    out += `${escapeHtml(text.slice(last, m.index))}<mark>${escapeHtml(m[0])}</mark>`;
    last = m.index + m[0].length;
  }
  return out + escapeHtml(text.slice(last));
}

/**
 * About `size` characters of `text` around the first place a word occurs (the start when none does),
 * whitespace folded, with … where it was cut; then marked.
 */
export function snippet(text: string, words: readonly string[], size = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const re = pattern(words);
  const hit = re ? flat.search(re) : -1;
  const chars = [...flat];
  // search() counts UTF-16 units; the window is cut on code points so no emoji is split.
  const at = hit < 0 ? 0 : [...flat.slice(0, hit)].length;
  const start = Math.max(0, Math.min(at - Math.floor(size / 4), chars.length - size));
  const end = Math.min(chars.length, start + size);
  const cut = chars.slice(start, end).join('');
  return `${start > 0 ? '…' : ''}${mark(cut, words)}${end < chars.length ? '…' : ''}`;
}
