import { portalModuleValues } from '@yuanzhi/contracts';
import { addDays, toCstDate } from '@yuanzhi/domain';
import type { Deps } from '../platform/deps.ts';
import { escapeHtml, htmlToText, sanitizeArticleHtml } from '../modules/articles/articles.sanitize.ts';
import { demoArticles } from './articles.data.ts';

const DAY = 86_400_000;
/** Who writes and reviews for an institution in the demo (none for the national level: loaded as a system import). */
const editors: Record<string, [string, string]> = {
  武汉市知识产权维权援助中心: ['wh_handler', 'wh_reviewer'],
  宜昌市知识产权维权援助中心: ['yc_handler', 'hb_supervisor'],
  湖北省知识产权维权援助中心: ['hb_admin', 'hb_supervisor'],
  湖北省知识产权局: ['hb_supervisor', 'hb_admin'],
  国家海外知识产权纠纷应对指导中心湖北分中心: ['hb_admin', 'hb_supervisor'],
};

/** The demo's articles (all six kinds, some still in draft or review) and two months of module visit counts. */
export async function loadDemoArticles(deps: Deps): Promise<void> {
  const { db } = deps;
  const now = deps.clock.now().getTime();
  const insts = new Map((await db.selectFrom('institutions').select(['id', 'name', (eb) => eb.cast<string>('path', 'text').as('path')]).execute()).map((i) => [i.name, i]));
  const users = new Map((await db.selectFrom('users').select(['id', 'username']).where('username', 'is not', null).execute()).map((u) => [u.username!, u.id]));
  await db.transaction().execute(async (tx) => {
    for (const [n, a] of demoArticles.entries()) {
      const inst = insts.get(a.at);
      if (!inst) throw new Error(`demo article institution missing: ${a.at}`);
      const [author, reviewer] = (editors[a.at] ?? []).map((u) => users.get(u) ?? null);
      const state = a.state ?? 'published';
      // Spread over the day, always in the past.
      const at = new Date(now - a.days * DAY - (n % 9) * 3_600_000 - 3_600_000);
      const html = sanitizeArticleHtml(a.body.map((b) => (b.startsWith('<') ? b : `<p>${escapeHtml(b)}</p>`)).join(''));
      const row = {
        institution_id: inst.id, institution_path: inst.path, kind: a.kind, state, title: a.title, summary: a.summary, body_html: html,
        body_text: htmlToText(html), tags: a.tags ?? [], ip_types: a.ipTypes ?? [], region_code: a.region ?? null, meta: JSON.stringify(a.meta ?? {}),
        source_case_id: null, author_id: author ?? null, reviewer_id: state === 'published' ? (reviewer ?? null) : null, review_note: null,
        replacements: null, views: a.views, published_at: state === 'published' ? at : null, withdrawn_at: null, created_at: at, updated_at: at,
      };
      const { id } = await tx.insertInto('articles').values(row).returning('id').executeTakeFirstOrThrow();
      await tx.insertInto('article_versions').values({
        article_id: id, version: 1, title: row.title, summary: row.summary, body_html: row.body_html, body_text: row.body_text, tags: row.tags,
        ip_types: row.ip_types, region_code: row.region_code, meta: row.meta, saved_by: author ?? null, saved_at: at,
      }).execute();
    }
    // Visits: a weekly rhythm (fewer at weekends) with the home page ahead, as on the national site.
    const weight: Record<string, number> = { home: 60, apply: 9, policies: 22, knowledge: 18, case_studies: 15, news: 12, qa: 10, directory: 8, guide: 7 };
    const today = toCstDate(new Date(now));
    const rows = [];
    for (let d = 1; d <= 60; d++) {
      const day = addDays(today, -d);
      const weekend = [0, 6].includes(new Date(`${day}T00:00:00Z`).getUTCDay());
      for (const m of portalModuleValues) rows.push({ day, module: m, count: Math.round(weight[m] * (weekend ? 0.45 : 1) * (0.8 + ((d * 7 + m.length * 13) % 10) / 25)) });
    }
    await tx.insertInto('page_visits').values(rows).execute();
  });
}
