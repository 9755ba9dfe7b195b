/**
 * The load scenarios: what a person does, as the requests the web app sends, with the target each is held to.
 * Each returns autocannon options for one round; `unit` says what one operation is when it takes several requests.
 */
import crypto from 'node:crypto';
import type autocannon from 'autocannon';
import { meets, type Summary } from './figures.ts';
import { headersOf, type Session } from './session.ts';

export interface Context {
  base: string;
  applicant: Session;
  handler: Session;
  supervisor: Session;
  /** Cases in the handler's scope, for the case page. */
  caseIds: string[];
  period: string;
  reportYear: number;
}

export interface Scenario {
  id: string;
  label: string;
  connections: number;
  unit: 'request' | 'submission' | 'report';
  /** Requests per operation (ops/s = req/s ÷ this). */
  requestsPerOp: number;
  target: string | null;
  /** Judged on the median figures; `ratio` is the median share of the INSERT ceiling. */
  met(s: Summary): boolean | null;
  /** Operations at most per round (beside the round's duration), for the slow ones. */
  maxOps?: number;
  options(ctx: Context): Load;
}

/** One round's autocannon options; `path` is joined to the server's address. */
export type Load = Partial<Omit<autocannon.Options, 'url'>> & { path?: string };

const json = { 'content-type': 'application/json' };

/** A complete application, as the portal form sends it (Wuhan, patent, e-commerce). */
export function application(n: number) {
  return {
    applicant: {
      kind: 'legal_person', name: '武汉光谷微电子有限公司', creditCode: '91420100MA4K5T2Q3Q', phone: '13800138000',
      email: 'applicant@example.com', address: '湖北省武汉市洪山区珞喻路1号', enterpriseSize: 'small', enterpriseTags: ['specialised_innovative'],
    },
    opposingParties: [{ kind: 'legal_person', name: `某电商店铺${n}` }],
    ipType: 'patent', ipNumber: 'ZL202310000000.1', services: ['infringement_opinion'], overseas: false, field: 'e_commerce',
    summary: '对方在电商平台销售与我司专利相同的产品', request: '请求出具侵权判定参考意见', regionCode: '420102',
  };
}

/** A 1 MB PDF (a valid header and trailer around filler), different per call so no two uploads are one file. */
export function evidencePdf(bytes = 1_000_000): Buffer {
  const head = Buffer.from(`%PDF-1.4\n% ${crypto.randomUUID()}\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n`);
  const tail = Buffer.from('\ntrailer<</Root 1 0 R>>\n%%EOF\n');
  const fill = Buffer.alloc(bytes - head.length - tail.length, '% filler line of the bench evidence file\n');
  return Buffer.concat([head, fill, tail]);
}

export function multipartFile(name: string, data: Buffer): { body: Buffer; contentType: string } {
  const boundary = `----yzbench${crypto.randomBytes(8).toString('hex')}`;
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n`),
    data, Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

type Ctx = Record<string, unknown>;
type Req = Omit<autocannon.Request, 'setupRequest' | 'onResponse'> & {
  setupRequest?: (req: autocannon.Request, context: Ctx) => autocannon.Request;
  onResponse?: (status: number, body: string, context: Ctx) => void;
};

/** Draft, optionally evidence, then submit with a fresh Idempotency-Key: one submission per pass. */
function submission(ctx: Context, withFile: boolean): Load {
  let n = 0;
  const h = (extra: Record<string, string> = {}) => headersOf(ctx.applicant, extra);
  const draftId = (c: Ctx) => c.draftId as string;
  const requests: Req[] = [{
    method: 'POST', path: '/api/portal/drafts', headers: h(json),
    setupRequest: (req) => ({ ...req, body: JSON.stringify(application(n++)) }),
    onResponse: (status: number, body: string, c: Ctx) => { c.draftId = status === 201 ? (JSON.parse(body) as { data: { id: string } }).data.id : 'none'; },
  }];
  if (withFile) {
    const file = multipartFile('购买记录.pdf', evidencePdf());
    requests.push({
      method: 'POST', headers: h({ 'content-type': file.contentType }),
      setupRequest: (req, c) => ({ ...req, path: `/api/portal/drafts/${draftId(c)}/evidence`, body: file.body }),
    });
  }
  requests.push({
    method: 'POST', body: '{}',
    setupRequest: (req, c) => ({
      ...req, path: `/api/portal/drafts/${draftId(c)}/submit`, headers: h({ ...json, 'idempotency-key': `bench-${crypto.randomUUID()}` }),
    }),
  });
  return { requests: requests as unknown as autocannon.Request[] };
}

const rotate = <T>(xs: T[]) => {
  let i = 0;
  return () => xs[i++ % xs.length]!;
};

const portalQueries = ['专利', '商标', '侵权判定', '海外展会', '地理标志', '电商平台 投诉', '证据保全', '软件著作权登记', '调解协议', '量子计算芯片'];

export const scenarios: Scenario[] = [
  {
    id: 'submit', label: '(a) applicant submits a case (draft + submit, Idempotency-Key)', connections: 10, unit: 'submission', requestsPerOp: 2,
    target: '≥ 40% of the INSERT ceiling, p99 < 50 ms',
    met: (s) => (s.ratio === null ? null : (meets(s.ratio.median, 0.4, 'atLeast')! && meets(s.p99Ms.median, 50, 'below')!)),
    options: (ctx) => submission(ctx, false),
  },
  {
    id: 'submitWithFile', label: '(a) … with a 1 MB evidence file (draft + upload + submit)', connections: 10, unit: 'submission', requestsPerOp: 3,
    target: null, met: () => null,
    options: (ctx) => submission(ctx, true),
  },
  {
    id: 'queue', label: '(b) handler opens the work queue (50 in scope, by deadline)', connections: 10, unit: 'request', requestsPerOp: 1,
    target: 'p99 < 50 ms', met: (s) => meets(s.p99Ms.median, 50, 'below'),
    options: (ctx) => ({ method: 'GET', path: '/api/cases?page=1&pageSize=50&sort=deadline', headers: headersOf(ctx.handler) }),
  },
  {
    id: 'casePage', label: '(c) handler opens a case page', connections: 10, unit: 'request', requestsPerOp: 1,
    target: 'p99 < 30 ms', met: (s) => meets(s.p99Ms.median, 30, 'below'),
    options: (ctx) => {
      const next = rotate(ctx.caseIds);
      return { requests: [{ method: 'GET', headers: headersOf(ctx.handler), setupRequest: (req) => ({ ...req, path: `/api/cases/${next()}` }) }] };
    },
  },
  {
    id: 'portalSearch', label: '(d) portal search', connections: 10, unit: 'request', requestsPerOp: 1,
    target: 'p99 < 30 ms (issue 4: p95)', met: (s) => meets(s.p99Ms.median, 30, 'below'),
    options: () => {
      const q = rotate(portalQueries);
      return { requests: [{ method: 'GET', setupRequest: (req) => ({ ...req, path: `/api/search?q=${encodeURIComponent(q())}&page=1&pageSize=10` }) }] };
    },
  },
  {
    id: 'consoleSearch', label: '(d) console search (handler, in scope)', connections: 10, unit: 'request', requestsPerOp: 1,
    target: 'p99 < 30 ms (issue 4: p95)', met: (s) => meets(s.p99Ms.median, 30, 'below'),
    options: (ctx) => {
      const q = rotate(portalQueries);
      return { requests: [{ method: 'GET', headers: headersOf(ctx.handler), setupRequest: (req) => ({ ...req, path: `/api/search/console?q=${encodeURIComponent(q())}&page=1&pageSize=10` }) }] };
    },
  },
  {
    id: 'dashboard', label: '(e) supervisor opens the dashboard (all indicators, year on year)', connections: 10, unit: 'request', requestsPerOp: 1, maxOps: 10,
    target: 'p99 < 300 ms (issue 7: p95)', met: (s) => meets(s.p99Ms.median, 300, 'below'),
    options: (ctx) => ({ method: 'GET', path: `/api/stats/summary?period=${ctx.period}`, headers: headersOf(ctx.supervisor) }),
  },
  {
    id: 'report', label: '(f) yearly report generated (.docx)', connections: 1, unit: 'report', requestsPerOp: 1, maxOps: 3,
    target: 'p50 < 10 s', met: (s) => meets(s.p50Ms.median, 10_000, 'below'),
    options: (ctx) => ({
      method: 'POST', path: '/api/stats/report', headers: headersOf(ctx.supervisor, json), body: JSON.stringify({ year: ctx.reportYear, format: 'docx' }),
    }),
  },
  {
    id: 'returns', label: '(g) rolling up statistical returns (all institutions in scope)', connections: 1, unit: 'request', requestsPerOp: 1,
    target: 'p99 < 5 s', met: (s) => meets(s.p99Ms.median, 5000, 'below'),
    options: (ctx) => ({ method: 'GET', path: `/api/stats/returns?period=${ctx.period}`, headers: headersOf(ctx.supervisor) }),
  },
];
