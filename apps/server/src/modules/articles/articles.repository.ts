import { sql, type Insertable, type Updateable } from 'kysely';
import { inScope, type Scope } from '../../authz/can.ts';
import type { DB, Tx } from '../../platform/db.ts';
import type { ArticlesTable } from '../../platform/tables.ts';
import { likeTerm, regionPrefix } from '../institutions/institutions.repository.ts';
import type { ListQuery, PortalListQuery } from './articles.schemas.ts';

type Q = DB | Tx;

export function selectArticle(db: Q) {
  return db
    .selectFrom('articles as a')
    .innerJoin('institutions as i', 'i.id', 'a.institution_id')
    .leftJoin('users as u', 'u.id', 'a.author_id')
    .select([
      'a.id', 'a.kind', 'a.state', 'a.title', 'a.summary', 'a.body_html', 'a.body_text', 'a.tags', 'a.ip_types', 'a.region_code',
      'a.meta', 'a.institution_id', sql<string>`a.institution_path::text`.as('institution_path'), 'i.name as institution_name',
      'a.version', 'a.views', 'a.source_case_id', 'a.replacements', 'a.author_id', 'u.display_name as author_name',
      'a.reviewer_id', 'a.review_note', 'a.published_at', 'a.withdrawn_at', 'a.created_at', 'a.updated_at',
    ]);
}
export type ArticleRow = Awaited<ReturnType<ReturnType<typeof selectArticle>['executeTakeFirstOrThrow']>>;

export async function getArticle(db: Q, scope: Scope, id: string): Promise<ArticleRow | undefined> {
  return selectArticle(db).where('a.id', '=', id).where(inScope(scope, 'a.institution_path')).executeTakeFirst();
}

/** The row locked for a write, within the scope; undefined outside it. */
export async function lockArticle(tx: Tx, scope: Scope, id: string) {
  return tx
    .selectFrom('articles')
    .selectAll()
    .select(sql<string>`institution_path::text`.as('path'))
    .where('id', '=', id)
    .where(inScope(scope, 'institution_path'))
    .forUpdate()
    .executeTakeFirst();
}

export async function listArticles(db: Q, scope: Scope, f: ListQuery) {
  let q = selectArticle(db).where(inScope(scope, 'a.institution_path'));
  if (f.kind) q = q.where('a.kind', '=', f.kind);
  if (f.state) q = q.where('a.state', '=', f.state);
  if (f.q?.trim()) q = q.where('a.title', 'ilike', likeTerm(f.q.trim()));
  const total = await q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await q.orderBy('a.updated_at', 'desc').orderBy('a.id').limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute();
  return { rows, total: total.n };
}

export async function insertArticle(tx: Tx, v: Insertable<ArticlesTable>) {
  return tx.insertInto('articles').values(v).returning('id').executeTakeFirstOrThrow();
}

export async function updateArticle(tx: Tx, id: string, set: Updateable<ArticlesTable>) {
  await tx.updateTable('articles').set(set).where('id', '=', id).execute();
}

/** Keep the saved state as version `version` (every save is kept; versions are never changed). */
export async function saveVersion(tx: Tx, id: string, savedBy: string | null, at: Date) {
  await tx
    .insertInto('article_versions')
    .columns(['article_id', 'version', 'title', 'summary', 'body_html', 'body_text', 'tags', 'ip_types', 'region_code', 'meta', 'saved_by', 'saved_at'])
    .expression(
      tx.selectFrom('articles')
        .select(['id', 'version', 'title', 'summary', 'body_html', 'body_text', 'tags', 'ip_types', 'region_code', 'meta'])
        .select([sql.val(savedBy).as('saved_by'), sql.val(at).as('saved_at')])
        .where('id', '=', id),
    )
    .execute();
}

export async function listVersions(db: Q, id: string) {
  return db
    .selectFrom('article_versions as v')
    .leftJoin('users as u', 'u.id', 'v.saved_by')
    .select(['v.version', 'v.title', 'v.saved_at', 'u.display_name as saved_by_name'])
    .where('v.article_id', '=', id)
    .orderBy('v.version', 'desc')
    .execute();
}

export async function getVersion(db: Q, id: string, version: number) {
  return db.selectFrom('article_versions').selectAll().where('article_id', '=', id).where('version', '=', version).executeTakeFirst();
}

/** Published articles for the portal, with its filters (region matches the region and those below it). */
export async function listPublished(db: Q, f: PortalListQuery) {
  let q = selectArticle(db).where('a.state', '=', 'published');
  if (f.kind) q = q.where('a.kind', '=', f.kind);
  if (f.ipType) q = q.where(sql<boolean>`${f.ipType} = ANY(a.ip_types)`);
  if (f.tag) q = q.where(sql<boolean>`${f.tag} = ANY(a.tags)`);
  if (f.regionCode) q = q.where('a.region_code', 'like', `${regionPrefix(f.regionCode.padEnd(6, '0'))}%`);
  if (f.year) {
    q = q.where(sql<boolean>`a.published_at >= make_timestamptz(${f.year}, 1, 1, 0, 0, 0, 'Asia/Shanghai')`)
      .where(sql<boolean>`a.published_at < make_timestamptz(${f.year + 1}, 1, 1, 0, 0, 0, 'Asia/Shanghai')`);
  }
  const total = await q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  q = f.sort === 'popular' ? q.orderBy('a.views', 'desc').orderBy('a.published_at', 'desc') : q.orderBy('a.published_at', 'desc');
  const rows = await q.orderBy('a.id').limit(f.pageSize).offset((f.page - 1) * f.pageSize).execute();
  return { rows, total: total.n };
}

/** One published article; counts the read. */
export async function readPublished(db: Q, id: string) {
  const hit = await db.updateTable('articles').set({ views: sql`views + 1` }).where('id', '=', id).where('state', '=', 'published').returning('id').executeTakeFirst();
  if (!hit) return undefined;
  return selectArticle(db).where('a.id', '=', id).executeTakeFirst();
}

/** Years in which something was published, for the portal's year filter. */
export async function publishedYears(db: Q): Promise<number[]> {
  const rows = await db
    .selectFrom('articles')
    .select(sql<number>`extract(year from published_at at time zone 'Asia/Shanghai')::int`.as('y'))
    .where('state', '=', 'published')
    .groupBy('y')
    .orderBy('y', 'desc')
    .execute();
  return rows.map((r) => r.y);
}
