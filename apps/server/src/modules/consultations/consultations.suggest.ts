import { deidentify, type KnownValue } from '@yuanzhi/domain';
import { sql } from 'kysely';
import type { Scope } from '../../authz/can.ts';
import type { DB } from '../../platform/db.ts';
import type { SearchKind } from '../../platform/tables.search.ts';
import { mark, snippet as markedSnippet } from '../search/search.highlight.ts';
import { questionWords } from '../search/search.segment.ts';
import { wordStats } from '../search/search.stats.ts';
import { candidates, type Candidate } from './consultations.suggest-candidates.ts';
import { chooseWords } from './consultations.suggest-words.ts';

/** One suggested answer beside the desk's question. `source` names where it came from. */
export interface Suggestion {
  source: 'consultation' | 'qa' | 'knowledge';
  refId: string;
  /** Plain text, de-identified. */
  title: string;
  /** The start of the answer (a consultation's or a featured Q&A's) or of the article, plain text, de-identified. */
  snippet: string;
  /** The whole answer to take over into the desk's answer field (de-identified, at most ANSWER_CHARS). */
  answer: string;
  /** Title and snippet HTML-escaped with the question's words in <mark> (search.highlight.ts). */
  highlighted: { title: string; snippet: string };
  /** The share of the question's kept words the suggestion contains (0–1). */
  score: number;
}

const SNIPPET = 160;
const ANSWER_CHARS = 2000;
/** Characters of the question that are segmented; a longer paste is cut, never refused. */
const QUESTION_CHARS = 1000;

/**
 * The knowledge base's best answers to the question being typed (ADR 0034): featured Q&A, knowledge articles and
 * answered consultations in `scope`, found through the search index by the question's rarest words, ranked, and
 * de-identified. Any text is accepted: punctuation alone or filler alone gives an empty list.
 */
export async function suggestAnswers(db: DB, question: string, scope: Scope, limit = 5): Promise<Suggestion[]> {
  const stats = await wordStats(db);
  const words = chooseWords(questionWords(question.replaceAll('\u0000', ''), QUESTION_CHARS), stats);
  if (words.ranked.length === 0) return [];
  const found = await candidates(db, words, (w) => stats.freq(w), scope, limit);
  const best = found.sort(byRank).slice(0, limit);
  return present(db, best, words.ranked);
}

const byRank = (a: Candidate, b: Candidate) =>
  b.rank - a.rank || new Date(b.sort_at).getTime() - new Date(a.sort_at).getTime() || (a.ref_id < b.ref_id ? -1 : 1);

interface Shown {
  kind: SearchKind;
  ref_id: string;
  title: string;
  body: string;
  article_kind: string | null;
  answer: string | null;
  asker_name: string | null;
  asker_kind: string | null;
}

/** The chosen entries' text, with the consultation's answer and what identifies its asker (to take out). */
async function present(db: DB, best: Candidate[], words: string[]): Promise<Suggestion[]> {
  if (best.length === 0) return [];
  const r = await sql<Shown>`
    SELECT s.kind, s.ref_id, s.title, s.body, s.article_kind, c.answer, c.asker_name, c.asker_kind
    FROM search_entries s LEFT JOIN consultations c ON s.kind = 'consultation' AND c.id = s.ref_id
    WHERE (s.kind, s.ref_id) IN (${sql.join(best.map((b) => sql`(${b.kind}, ${b.ref_id}::uuid)`))})`.execute(db);
  const byKey = new Map(r.rows.map((x) => [`${x.kind}:${x.ref_id}`, x]));
  return best.flatMap((b) => {
    const x = byKey.get(`${b.kind}:${b.ref_id}`);
    return x ? [suggestion(x, words)] : [];
  });
}

function suggestion(x: Shown, words: string[]): Suggestion {
  const source = x.kind === 'consultation' ? 'consultation' : x.kind === 'qa' ? 'qa' : 'knowledge';
  const known: KnownValue[] = x.asker_name ? [{ kind: 'name', value: x.asker_name, person: x.asker_kind === 'natural_person' || x.asker_kind === 'unknown' }] : [];
  // Names given by the asker, ID numbers, phones and e-mails typed into the text are replaced before anything leaves.
  const [title, body, answer] = deidentify([x.title, x.body, answerOf(x)], known).texts as [string, string, string];
  const snippetText = clip(answer || body, SNIPPET);
  const haystack = `${title}\n${body}`.toLowerCase();
  const matched = words.filter((w) => haystack.includes(w)).length;
  return {
    source, refId: x.ref_id, title: clip(title, 60), snippet: snippetText, answer: clip(answer || body, ANSWER_CHARS),
    highlighted: { title: mark(clip(title, 60), words), snippet: markedSnippet(answer || body, words, SNIPPET) },
    score: Math.round((matched / words.length) * 1000) / 1000,
  };
}

/** What the clerk would say: a consultation's answer, the answer part of a featured Q&A, a knowledge article's text. */
function answerOf(x: Shown): string {
  if (x.kind === 'consultation') return x.answer ?? '';
  if (x.kind === 'qa') {
    // The body is the summary, then 问 … 答 … (qa-publish.ts): the text after the last 答 heading.
    const heads = [...x.body.matchAll(/(?:^|\n)\s*答[：:]?\s*/gu)];
    const last = heads[heads.length - 1];
    return last ? x.body.slice(last.index + last[0].length).trim() : x.body;
  }
  return x.body;
}

function clip(s: string, n: number): string {
  const chars = [...s.replace(/\s+/g, ' ').trim()];
  return chars.length > n ? `${chars.slice(0, n).join('')}…` : chars.join('');
}
