import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

/**
 * Chinese word segmentation for the search index (ADR 0016). Postgres's 'simple' configuration turns a run
 * of Chinese into one token, so both the stored text and the query are cut by jieba here and handed to
 * Postgres as space-separated words. The HMM guesser is off: it segments unknown words differently in
 * different contexts, and the document and the query must be cut alike.
 */
let jieba: Jieba | null = null;
function segmenter(): Jieba {
  // Loading the dictionary takes ~0.3 s: once per process, on first use.
  jieba ??= Jieba.withDict(dict);
  return jieba;
}

/** Words that carry no meaning on their own; left out of the index and the query. */
const STOP = new Set('的 了 和 与 及 或 是 在 对 将 等 之 其 为 以 于 把 被 也 都 而 吗 呢 啊 吧 呀 么 请问 一下'.split(' '));

/** Longest query the engine considers (characters); longer input is cut, never refused. */
export const MAX_QUERY_CHARS = 100;
/** Longest text of one entry that is indexed. */
export const MAX_INDEXED_CHARS = 20_000;

export function normalize(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** A token as Postgres will see it: letters and digits only, so no character of it means anything to a parser. */
function clean(token: string): string {
  return token.replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

function words(tokens: string[]): string[] {
  const out: string[] = [];
  for (const t of tokens) {
    const c = clean(t);
    if (!c) continue;
    for (const w of c.split(' ')) if (w && !STOP.has(w) && w.length <= 64) out.push(w);
  }
  return out;
}

/** The words of a document, in search mode (a long word also yields its shorter dictionary words). */
export function documentWords(text: string): string {
  const t = normalize(text).slice(0, MAX_INDEXED_CHARS);
  return t ? words(segmenter().cutForSearch(t, false)).join(' ') : '';
}

/** The words of a query: cut without overlap, duplicates dropped, at most 12 (each one narrows the match). */
export function queryWords(query: string): string[] {
  const t = normalize(query).slice(0, MAX_QUERY_CHARS);
  if (!t.trim()) return [];
  return [...new Set(words(segmenter().cut(t, false)))].slice(0, 12);
}

/** The query cut to MAX_QUERY_CHARS with whitespace folded, for trigram matching of names and numbers. */
export function queryText(query: string): string {
  return normalize(query).replace(/\s+/g, ' ').trim().slice(0, MAX_QUERY_CHARS);
}

/**
 * A word standing for a filter value (kind, IP type, year, public), added to an entry's words and to a filtered
 * query so the GIN index applies the filter. Letters and digits only, with a prefix no Chinese text produces.
 */
export function filterWord(field: 'k' | 'ip' | 'y' | 'v', value: string): string {
  return `zz${field}${value.replace(/[^a-z0-9]/gi, '').toLowerCase()}`;
}

/**
 * The words of a question typed at the consultation desk (ADR 0034): cut like a query, in order, duplicates
 * dropped, but over a longer text than a search box's; the caller chooses which of them to match.
 */
export function questionWords(question: string, maxChars = 1000): string[] {
  const t = normalize(question).slice(0, maxChars);
  if (!t.trim()) return [];
  return [...new Set(words(segmenter().cut(t, false)))];
}
