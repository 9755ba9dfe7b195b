import type { AlertRow } from './alerts.service.ts';

/** Row → API shape (console and portal alike: an alert holds no personal data). */
export const presentAlert = (a: AlertRow) => ({
  id: a.id, institutionId: a.institution_id, institutionName: a.institution_name, title: a.title, countries: a.countries, industries: a.industries,
  riskKind: a.risk_kind, body: a.body, advice: a.advice, source: a.source, state: a.state, publishedAt: a.published_at?.toISOString() ?? null,
});
