import type { Relation } from '../../authz/access-matrix.fixtures.ts';
import type { DB } from '../../platform/db.ts';

/** One draft article at each relation's institution, for the access matrix (authz/access-matrix.*). */
export async function matrixArticles(db: DB, institution: Record<Relation, string>): Promise<Record<Relation, string>> {
  const out = {} as Record<Relation, string>;
  for (const [rel, instId] of Object.entries(institution) as [Relation, string][]) {
    const inst = await db.selectFrom('institutions').select((eb) => eb.cast<string>('path', 'text').as('path')).where('id', '=', instId).executeTakeFirstOrThrow();
    const now = new Date();
    const a = await db
      .insertInto('articles')
      .values({
        institution_id: instId, institution_path: inst.path, kind: 'news', title: `矩阵文章 ${rel}`, body_html: '<p>矩阵</p>', body_text: '矩阵',
        tags: [], ip_types: [], region_code: null, meta: '{}', source_case_id: null, author_id: null, reviewer_id: null, review_note: null,
        replacements: null, published_at: null, withdrawn_at: null, created_at: now, updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('article_versions').values({
      article_id: a.id, version: 1, title: `矩阵文章 ${rel}`, summary: '', body_html: '<p>矩阵</p>', body_text: '矩阵', tags: [], ip_types: [],
      region_code: null, meta: '{}', saved_by: null, saved_at: now,
    }).execute();
    out[rel] = a.id;
  }
  return out;
}
