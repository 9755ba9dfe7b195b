import { sql } from 'kysely';
import { byFirstEvent, caseIndicator } from './indicators.sql.ts';

const SME = sql<boolean>`c.enterprise_size IN ('medium', 'small', 'micro')`;
const concludedStates = sql<boolean>`c.state IN ('concluded', 'archived')`;
/** The applicant's rating 1–5: the portal rating, else the follow-up visit's. */
const rating = sql`coalesce(
  (SELECT r.score FROM portal_ratings r WHERE r.case_id = c.id AND r.score IS NOT NULL),
  (SELECT max(f.satisfaction) FROM case_follow_ups f WHERE f.case_id = c.id AND f.satisfaction IS NOT NULL))`;
const piece = { zh: '件', en: 'cases' };
const pct = { zh: '%', en: '%' };

/**
 * Where a case counts: at the institution holding it when the figure is computed (cases.institution_path).
 * A transferred case therefore counts once, at the receiving institution once it has accepted the transfer
 * (acceptTransfer moves the case there), and at the sending institution while the transfer awaits acceptance.
 * Province, city and institution cuts use the handling institution's region, not the applicant's.
 */
const WHERE_ZH = '计入当前承办机构（被移交的案件在接收机构受理移交后计入接收机构，只计一次）；地区按承办机构所在地。';
const WHERE_EN = 'Counted at the institution holding the case (a transferred case counts once, at the receiving institution once it accepts the transfer); regions are the handling institution\'s.';

/** Imported past cases (ADR 0032) count as accepted cases on their date, only for days before the institution's go-live. */
const HISTORY_ZH = '另计入机构上线前的历史导入案件（按受理日期；只计上线日期之前的记录，上线后以平台记录为准，不重复计数）。';
const HISTORY_EN = 'Also counts the imported past cases (by their day of acceptance), only for days before the institution went live on the platform; from then on the platform\'s records count, never both.';

export const caseIndicators = [
  caseIndicator({
    id: 'cases.received', zh: '收到援助申请', en: 'Applications received', unit: piece, kind: 'count',
    definition: {
      zh: `提交时间（北京时间）在统计期内的维权援助申请，含此后不予受理、撤回的申请；不含草稿。${WHERE_ZH}`,
      en: `Applications whose submission time (CST) falls in the period, including those later declined or withdrawn; drafts excluded. ${WHERE_EN}`,
    },
    date: sql`c.submitted_at`,
  }),
  caseIndicator({
    id: 'cases.accepted', zh: '受理援助案件', en: 'Cases accepted', unit: piece, kind: 'count',
    definition: {
      zh: `首次受理时间在统计期内的案件（移交接收不再重复计数；受理后撤回的仍计入受理当年）。上年受理、本年办结的案件计入上年受理数与本年办结数。${WHERE_ZH}${HISTORY_ZH}`,
      en: `Cases first accepted in the period (accepting a transfer does not count again; a case withdrawn after acceptance still counts in its year of acceptance). Accepted last year and concluded this year: last year's accepted, this year's concluded. ${WHERE_EN} ${HISTORY_EN}`,
    },
    date: sql`c.accepted_at`, history: true,
  }),
  caseIndicator({
    id: 'cases.concluded', zh: '办结援助案件', en: 'Cases concluded', unit: piece, kind: 'count',
    definition: {
      zh: `办结时间在统计期内、当前仍为已办结或已归档的案件（重新办理的案件按最近一次办结计）。${WHERE_ZH}`,
      en: `Cases whose conclusion falls in the period and that are concluded or archived now (a reopened case counts at its latest conclusion). ${WHERE_EN}`,
    },
    date: sql`c.concluded_at`, where: concludedStates,
  }),
  caseIndicator({
    id: 'cases.declined', zh: '不予受理', en: 'Applications declined', unit: piece, kind: 'count',
    definition: {
      zh: `不予受理决定作出时间在统计期内的申请。不计入受理数。${WHERE_ZH}`,
      en: `Applications declined in the period (the time of the decision). Not counted as accepted. ${WHERE_EN}`,
    },
    ...byFirstEvent('decline'), where: sql<boolean>`c.state = 'declined'`,
  }),
  caseIndicator({
    id: 'cases.withdrawn', zh: '申请人撤回', en: 'Withdrawn by the applicant', unit: piece, kind: 'count',
    definition: {
      zh: `申请人撤回时间在统计期内的申请或案件；受理前撤回的不计入受理数，受理后撤回的仍计入受理数、不计入办结数。${WHERE_ZH}`,
      en: `Withdrawn in the period; withdrawn before acceptance: never accepted; after: counted as accepted, never as concluded. ${WHERE_EN}`,
    },
    ...byFirstEvent('withdraw'), where: sql<boolean>`c.state = 'withdrawn'`,
  }),
  caseIndicator({
    id: 'cases.domestic', zh: '国内援助案件', en: 'Domestic cases accepted', unit: piece, kind: 'count',
    definition: { zh: `首次受理时间在统计期内、不涉外的案件（口径同“受理援助案件”）。${HISTORY_ZH}`, en: `Cases accepted in the period that are not overseas disputes (as “cases accepted”). ${HISTORY_EN}` },
    date: sql`c.accepted_at`, where: sql<boolean>`NOT c.overseas`, history: true,
  }),
  caseIndicator({
    id: 'cases.overseas', zh: '海外纠纷援助案件', en: 'Overseas cases accepted', unit: piece, kind: 'count',
    definition: { zh: `首次受理时间在统计期内、标记为海外纠纷的案件（口径同“受理援助案件”）。${HISTORY_ZH}`, en: `Cases accepted in the period marked as overseas disputes (as “cases accepted”). ${HISTORY_EN}` },
    date: sql`c.accepted_at`, where: sql<boolean>`c.overseas`, history: true,
  }),
  caseIndicator({
    id: 'cases.sme', zh: '面向中小微企业援助案件', en: 'Cases accepted for SMEs', unit: piece, kind: 'count',
    definition: { zh: `首次受理时间在统计期内、申请人为中型、小型或微型企业的案件。${HISTORY_ZH}`, en: `Cases accepted in the period whose applicant is a medium, small or micro enterprise. ${HISTORY_EN}` },
    date: sql`c.accepted_at`, where: SME, history: true,
  }),
  caseIndicator({
    id: 'cases.transfers_in', zh: '移交接收案件', en: 'Cases received by transfer', unit: piece, kind: 'count',
    definition: {
      zh: '统计期内首次受理移交的案件，计入接收机构；同一案件多次移交只计一次（按首次接收时间）。未被接收、退回的移交不计。',
      en: 'Cases whose transfer was accepted in the period, counted at the receiving institution; a case transferred several times counts once (its first acceptance of a transfer). Transfers returned or not yet accepted do not count.',
    },
    ...byFirstEvent('acceptTransfer'),
  }),
  caseIndicator({
    id: 'cases.referred', zh: '转办案件', en: 'Cases referred to other bodies', unit: piece, kind: 'count',
    definition: {
      zh: `统计期内首次转办至行政执法、司法、仲裁、调解等外部机关的案件；多次转办只计一次。${WHERE_ZH}`,
      en: `Cases first referred in the period to an outside body (enforcement, courts, arbitration, mediation …); several referrals count once. ${WHERE_EN}`,
    },
    ...byFirstEvent('refer'),
  }),
  caseIndicator({
    id: 'cases.fast_track', zh: '快速处理办结案件', en: 'Fast-track cases concluded', unit: piece, kind: 'count',
    definition: { zh: '统计期内办结且走快速处理（分流分类）程序的案件（口径同“办结援助案件”）。', en: 'Cases concluded in the period on the fast track (as “cases concluded”).' },
    date: sql`c.concluded_at`, where: sql<boolean>`${concludedStates} AND c.track = 'fast'`,
  }),
  caseIndicator({
    id: 'cases.on_time_rate', zh: '按时办结率', en: 'Concluded on time', unit: pct, kind: 'ratio',
    definition: {
      zh: '统计期内办结、有办理时限记录的案件中，未超过办理时限（工作日，含调休）办结的比例；无办理时限记录的案件不计入分母。',
      en: 'Among the cases concluded in the period that have a handling deadline, the share concluded within it (working days); cases with none are left out of the denominator.',
    },
    date: sql`c.concluded_at`,
    where: sql<boolean>`${concludedStates} AND EXISTS (SELECT 1 FROM case_deadlines k WHERE k.case_id = c.id AND k.kind = 'handling')`,
    numerator: sql<boolean>`NOT EXISTS (SELECT 1 FROM case_deadlines k WHERE k.case_id = c.id AND k.kind = 'handling' AND k.late)`,
  }),
  caseIndicator({
    id: 'cases.satisfaction_rate', zh: '满意率', en: 'Satisfaction rate', unit: pct, kind: 'ratio',
    definition: {
      zh: '统计期内办结且有评价的案件中，评价为4分或5分（满分5分）的比例；评价取申请人在门户的评分，没有则取回访记录的满意度。未评价的不计入分母。',
      en: 'Among the cases concluded in the period that were rated, the share rated 4 or 5 (of 5): the applicant\'s portal rating, else the follow-up visit\'s. Unrated cases are left out.',
    },
    date: sql`c.concluded_at`,
    where: sql<boolean>`${concludedStates} AND ${rating} IS NOT NULL`,
    numerator: sql<boolean>`${rating} >= 4`,
  }),
];
