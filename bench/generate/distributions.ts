/**
 * The shares the generator draws from. Figures are shaped on the national progress reports (../shared/seeds):
 * about 45% of services go to SMEs, e-commerce is the leading field, patents and trademarks the leading IP
 * types, services grow 15–50% a year, and the provinces differ by two orders of magnitude.
 */
export type Dist = readonly (readonly [string, number])[];

/** Relative weight of each province (GB/T 2260 two-digit code): Guangdong, Zhejiang and Jiangsu lead; Tibet trails. */
export const provinceWeights: Record<string, number> = {
  '44': 14, '33': 11, '32': 10, '37': 7, '11': 6, '31': 6, '35': 5, '42': 4.5, '51': 4, '34': 3.5, '41': 3.5, '43': 3,
  '12': 2.5, '50': 2.5, '61': 2, '36': 2, '13': 2, '21': 1.8, '45': 1.2, '53': 1, '52': 1, '14': 0.9, '22': 0.7, '23': 0.7,
  '15': 0.5, '46': 0.5, '62': 0.4, '65': 0.4, '64': 0.25, '63': 0.2, '54': 0.1,
};

/** Growth of services over the previous year, 2018–2026 (each 15–50%). */
export const yearlyGrowth = [1.42, 1.31, 1.18, 1.36, 1.22, 1.27, 1.45, 1.2, 1.16];
export const firstYear = 2017;

/** Each year's share of the total, from the growth factors. */
export function yearShares(): number[] {
  const w = [1];
  for (const g of yearlyGrowth) w.push(w.at(-1)! * g);
  const sum = w.reduce((a, b) => a + b, 0);
  return w.map((x) => x / sum);
}

export const channels: Dist = [['online', 45], ['walk_in', 18], ['hotline', 14], ['email', 5], ['transfer_in', 5], ['exhibition', 11], ['other', 2]];
export const ipTypes: Dist = [
  ['patent', 39], ['trademark', 34], ['copyright', 14], ['trade_secret', 5], ['geographical_indication', 4], ['plant_variety', 2], ['ic_layout', 2],
];
export const fields: Dist = [
  ['e_commerce', 27], ['manufacturing', 16], ['exhibition', 9], ['software_internet', 9], ['wholesale_market', 8], ['import_export', 7],
  ['culture_media', 6], ['biomedicine', 5], ['agriculture', 4], ['trade_fair', 3], ['other', 6],
];
/** Applicant kinds; 64% of legal persons are SMEs, so SMEs are 0.70 × 0.643 ≈ 45% of cases. */
export const applicantKinds: Dist = [['legal_person', 70], ['natural_person', 20], ['individual_business', 8], ['unincorporated_org', 2]];
export const legalPersonSizes: Dist = [['large', 35.7], ['medium', 16], ['small', 26], ['micro', 22.3]];
export const services: Dist = [
  ['consultation', 40], ['infringement_opinion', 25], ['mediation', 18], ['warning_analysis', 7], ['overseas_guidance', 5], ['funding_aid', 5],
];

/** States of cases older than two months: closed, or one of the long-lived open states. */
export const settledStates: Dist = [
  ['archived', 62], ['concluded', 16], ['declined', 7], ['withdrawn', 4], ['referred', 3.5], ['suspended', 1], ['transferred', 0.5],
  ['in_progress', 3], ['under_review', 1], ['awaiting_supplement', 1], ['assigned', 0.5], ['accepted', 0.3], ['submitted', 0.2],
];
/** States of the last two months' cases: mostly open. */
export const recentStates: Dist = [
  ['draft', 4], ['submitted', 12], ['awaiting_supplement', 5], ['accepted', 8], ['assigned', 9], ['in_progress', 28], ['under_review', 6],
  ['concluded', 10], ['archived', 2], ['declined', 5], ['withdrawn', 2], ['transferred', 2], ['referred', 4], ['suspended', 3],
];

export const consultationChannels: Dist = [['hotline', 42], ['online', 25], ['walk_in', 15], ['mini_program', 8], ['exhibition', 6], ['email', 3], ['other', 1]];
export const consultationTopics: Dist = [['dispute', 30], ['procedures', 22], ['laws', 18], ['evidence', 12], ['licensing', 8], ['overseas', 6], ['other', 4]];
export const askerKinds: Dist = [['legal_person', 55], ['natural_person', 30], ['individual_business', 10], ['unincorporated_org', 1], ['unknown', 4]];
export const articleKinds: Dist = [['news', 40], ['policy', 15], ['knowledge', 15], ['case_study', 12], ['guide', 8], ['qa', 10]];
export const eventKinds: Dist = [['exhibition', 45], ['trade_fair', 25], ['innovation_contest', 12], ['cultural_event', 10], ['sports_event', 8]];

/**
 * `CASE WHEN u < c1 THEN 'v1' … END` over a column holding a uniform [0, 1) draw. The values are the generator's
 * own constants (never input), so they are written into the SQL text.
 */
export function pick(column: string, dist: Dist): string {
  const total = dist.reduce((s, [, w]) => s + w, 0);
  let acc = 0;
  const arms = dist.slice(0, -1).map(([v, w]) => {
    acc += w / total;
    return `WHEN ${column} < ${acc.toFixed(6)} THEN '${v}'`;
  });
  return `(CASE ${arms.join(' ')} ELSE '${dist.at(-1)![0]}' END)`;
}
