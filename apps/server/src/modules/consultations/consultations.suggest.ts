import { sql } from 'kysely';
import type { Scope } from '../../authz/can.ts';
import { inScope, scopeIsEmpty } from '../../authz/can.ts';
import type { DB } from '../../platform/db.ts';

/** One suggested answer beside the desk's question. `source` names where it came from. */
export interface Suggestion {
  source: 'consultation';
  refId: string;
  title: string;
  snippet: string;
  score: number;
}

const MIN_CHARS = 4;
const MIN_SCORE = 0.08;
const SNIPPET = 160;

/**
 * Answers given before to questions like this one: past answered consultations in scope, nearest by
 * trigram distance (the gist index consultations_question_trgm serves the ORDER BY … LIMIT). Chinese
 * questions share few trigrams, so the floor is low. After the search engine lands this reads from it,
 * with the same signature.
 */
export async function suggestAnswers(db: DB, question: string, scope: Scope, limit = 5): Promise<Suggestion[]> {
  const q = question.replace(/\s+/g, ' ').trim().slice(0, 500);
  if ([...q].length < MIN_CHARS || scopeIsEmpty(scope)) return [];
  const rows = await db
    .selectFrom('consultations as c')
    .select(['c.id', 'c.question', 'c.answer', sql<number>`similarity(c.question, ${q})`.as('score')])
    .where('c.status', '=', 'answered')
    .where(inScope(scope, 'c.institution_path'))
    .orderBy(sql`c.question <-> ${q}`)
    .limit(limit * 4)
    .execute();
  return rows
    .filter((r) => r.score >= MIN_SCORE && r.answer)
    .slice(0, limit)
    .map((r) => ({
      source: 'consultation' as const,
      refId: r.id,
      title: clip(r.question, 60),
      snippet: clip(r.answer ?? '', SNIPPET),
      score: Math.round(r.score * 1000) / 1000,
    }));
}

function clip(s: string, n: number): string {
  const chars = [...s.replace(/\s+/g, ' ').trim()];
  return chars.length > n ? `${chars.slice(0, n).join('')}…` : chars.join('');
}
