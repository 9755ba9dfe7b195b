import type { MatrixWorld, Relation } from './access-matrix.fixtures.ts';

/**
 * How the access matrix calls each route: the URL with its parameters filled for a record at a given
 * relation, and a valid body. Every /api route must appear here — the matrix test fails on a route
 * that is missing — so a new route cannot skip the access check.
 * `relational: false` marks collection routes (their scope shows in what they list, not in a 404).
 */
export interface RouteCall {
  url: (w: MatrixWorld, rel: Relation) => string;
  body?: (w: MatrixWorld, rel: Relation) => unknown;
  relational: boolean;
  /** Calling it in scope would change shared state (close, move, delete …): only out-of-scope calls are made. */
  mutates?: boolean;
  /** multipart or another content type: only the access check (401/403) is asserted. */
  accessOnly?: boolean;
}

/** An id no record has. */
const NO_ID = '00000000-0000-7000-8000-000000000000';
const inst = (w: MatrixWorld, r: Relation) => w.institution[r];
const usr = (w: MatrixWorld, r: Relation) => w.user[r].id;
const collection = (url: string, body?: unknown): RouteCall => ({ url: () => url, relational: false, ...(body ? { body: () => body } : {}) });
/** An applicant's own record (a portal route): only the access check applies to staff callers. */
const portalRecord = (url: string, body?: unknown): RouteCall => ({
  url: () => url.replace(':id', '00000000-0000-7000-8000-000000000000'), relational: false, accessOnly: true, ...(body ? { body: () => body } : {}),
});

export const routeCalls: Record<string, RouteCall> = {
  'GET /api/health': collection('/api/health'),
  'GET /api/regions': collection('/api/regions'),
  'GET /api/regions/:code': collection('/api/regions/420111'),

  'POST /api/auth/login': collection('/api/auth/login', { username: 'nobody', password: 'x' }),
  'POST /api/auth/mfa': collection('/api/auth/mfa', { code: '000000' }),
  'POST /api/auth/mfa/setup': collection('/api/auth/mfa/setup', {}),
  'POST /api/auth/mfa/enable': collection('/api/auth/mfa/enable', { code: '000000' }),
  'POST /api/auth/password': collection('/api/auth/password', { currentPassword: 'x', newPassword: 'y' }),
  'POST /api/auth/logout': collection('/api/auth/logout', {}),
  'GET /api/auth/me': collection('/api/auth/me'),
  'POST /api/auth/codes': collection('/api/auth/codes', { purpose: 'register', channel: 'email', target: 'matrix@example.com' }),
  'POST /api/auth/register': collection('/api/auth/register', { partyKind: 'natural_person', displayName: 'x', email: 'm@example.com', code: '000000', password: 'abc12345' }),
  'POST /api/auth/reset-password': collection('/api/auth/reset-password', { channel: 'email', target: 'm@example.com', code: '000000', newPassword: 'abc12345' }),

  'GET /api/institutions': collection('/api/institutions'),
  'GET /api/institutions/tree': collection('/api/institutions/tree'),
  'GET /api/institutions/export.xlsx': collection('/api/institutions/export.xlsx'),
  'POST /api/institutions/import': { url: () => '/api/institutions/import', relational: false, accessOnly: true },
  'GET /api/institutions/:id': { url: (w, r) => `/api/institutions/${inst(w, r)}`, relational: true },
  'POST /api/institutions': {
    url: () => '/api/institutions',
    body: (w, r) => ({ parentId: inst(w, r), name: `矩阵测试工作站${r}`, type: 'workstation', level: 'county', ipTypes: [], services: [] }),
    relational: true,
  },
  'PATCH /api/institutions/:id': { url: (w, r) => `/api/institutions/${inst(w, r)}`, body: () => ({ hours: '9:00-17:00' }), relational: true },
  'POST /api/institutions/:id/close': { url: (w, r) => `/api/institutions/${inst(w, r)}/close`, body: () => ({ reason: '矩阵测试' }), relational: true, mutates: true },
  'POST /api/institutions/:id/reopen': { url: (w, r) => `/api/institutions/${inst(w, r)}/reopen`, body: () => ({}), relational: true, mutates: true },
  'POST /api/institutions/:id/move': { url: (w, r) => `/api/institutions/${inst(w, r)}/move`, body: (w) => ({ newParentId: inst(w, 'own') }), relational: true, mutates: true },
  'GET /api/directory': collection('/api/directory'),
  'GET /api/directory/:id': { url: (w, r) => `/api/directory/${inst(w, r)}`, relational: false },

  'GET /api/users': collection('/api/users'),
  'GET /api/roles': collection('/api/roles'),
  'GET /api/users/:id': { url: (w, r) => `/api/users/${usr(w, r)}`, relational: true },
  'POST /api/users': {
    url: () => '/api/users',
    body: (w, r) => ({ kind: 'staff', username: `m_new_${r}_${Math.random().toString(36).slice(2, 8)}`, displayName: '矩阵新用户', password: 'Matrix#Test2026', roles: [{ role: 'intake_clerk', institutionId: inst(w, r) }] }),
    relational: true,
  },
  'PATCH /api/users/:id': { url: (w, r) => `/api/users/${usr(w, r)}`, body: () => ({ displayName: '矩阵改名' }), relational: true },
  'POST /api/users/:id/roles': { url: (w, r) => `/api/users/${usr(w, r)}/roles`, body: (w, r) => ({ role: 'reviewer', institutionId: inst(w, r) }), relational: true },
  'DELETE /api/users/:id/roles/:assignmentId': { url: (w, r) => `/api/users/${usr(w, r)}/roles/${w.user[r].assignmentId}`, relational: true, mutates: true },
  'POST /api/users/:id/reset-password': { url: (w, r) => `/api/users/${usr(w, r)}/reset-password`, body: () => ({ password: 'Matrix#Reset2026' }), relational: true, mutates: true },
  'POST /api/users/:id/unlock': { url: (w, r) => `/api/users/${usr(w, r)}/unlock`, body: () => ({}), relational: true },
  'POST /api/users/:id/reset-mfa': { url: (w, r) => `/api/users/${usr(w, r)}/reset-mfa`, body: () => ({}), relational: true },
  'POST /api/users/:id/reveal': { url: (w, r) => `/api/users/${usr(w, r)}/reveal`, body: () => ({ field: 'phone' }), relational: true },

  'GET /api/audit': collection('/api/audit'),
  'GET /api/audit/export.xlsx': collection('/api/audit/export.xlsx'),
  'GET /api/audit/verify': collection('/api/audit/verify'),
  'GET /api/outbox': collection('/api/outbox'),

  'POST /api/cases': {
    url: () => '/api/cases',
    body: (w, r) => ({ institutionId: inst(w, r), channel: 'hotline', applicant: { kind: 'natural_person', name: '矩阵申请人', phone: '13700000000' }, ipType: 'trademark', services: ['consultation'], summary: '矩阵测试登记' }),
    relational: true,
  },
  'GET /api/cases': collection('/api/cases?queue=institution'),
  'GET /api/cases/export.xlsx': collection('/api/cases/export.xlsx'),
  'GET /api/cases/:id': { url: (w, r) => `/api/cases/${w.case[r].id}`, relational: true },
  'GET /api/cases/:id/timeline': { url: (w, r) => `/api/cases/${w.case[r].id}/timeline`, relational: true },
  'POST /api/cases/:id/transitions': { url: (w, r) => `/api/cases/${w.case[r].id}/transitions`, body: () => ({ event: 'accept', payload: {} }), relational: true, mutates: true },
  'GET /api/cases/:id/handler-suggestions': { url: (w, r) => `/api/cases/${w.case[r].id}/handler-suggestions`, relational: true },
  'GET /api/cases/:id/notes': { url: (w, r) => `/api/cases/${w.case[r].id}/notes`, relational: true },
  'POST /api/cases/:id/notes': { url: (w, r) => `/api/cases/${w.case[r].id}/notes`, body: () => ({ kind: 'note', body: '矩阵备注' }), relational: true },
  'POST /api/cases/:id/notes/:noteId/done': { url: (w, r) => `/api/cases/${w.case[r].id}/notes/${w.case[r].taskId}/done`, body: () => ({}), relational: true },
  'POST /api/cases/:id/parties/:partyId/reveal': { url: (w, r) => `/api/cases/${w.case[r].id}/parties/${w.case[r].partyId}/reveal`, body: () => ({ field: 'phone' }), relational: true },
  'GET /api/cases/:id/follow-ups': { url: (w, r) => `/api/cases/${w.case[r].id}/follow-ups`, relational: true },
  'POST /api/cases/:id/follow-ups/:fid/done': {
    url: (w, r) => `/api/cases/${w.case[r].id}/follow-ups/${w.case[r].followUpId}/done`,
    body: () => ({ outcome: 'done', method: 'phone', satisfaction: 4 }),
    relational: true,
  },
  'GET /api/calendar/:year': collection('/api/calendar/2026'),
  'PUT /api/calendar/:year': collection('/api/calendar/2031', { holidays: ['2031-01-01'], workdays: [] }),
  // Documents: downloading in scope needs a rendered file and regenerating needs a draft; both are tested in
  // case-documents.test.ts, so the matrix makes only the out-of-scope calls (404 from the case) with a made-up id.
  'GET /api/cases/:id/documents': { url: (w, r) => `/api/cases/${w.case[r].id}/documents`, relational: true },
  'GET /api/cases/:id/evidence': { url: (w, r) => `/api/cases/${w.case[r].id}/evidence`, relational: true },
  'GET /api/cases/:id/evidence/:attachmentId': { url: (w, r) => `/api/cases/${w.case[r].id}/evidence/${NO_ID}`, relational: true, mutates: true },
  'GET /api/cases/:id/documents/:docId/download': { url: (w, r) => `/api/cases/${w.case[r].id}/documents/${NO_ID}/download?format=pdf`, relational: true, mutates: true },
  'POST /api/cases/:id/documents/:docId/regenerate': { url: (w, r) => `/api/cases/${w.case[r].id}/documents/${NO_ID}/regenerate`, body: () => ({}), relational: true, mutates: true },
  // The applicant's own case only (staff get 404 everywhere): tested in case-documents.test.ts.
  'GET /api/portal/cases/:id/documents': { url: (w, r) => `/api/portal/cases/${w.case[r].id}/documents`, relational: true, mutates: true },
  'GET /api/portal/cases/:id/documents/:docId/download': { url: (w, r) => `/api/portal/cases/${w.case[r].id}/documents/${NO_ID}/download`, relational: true, mutates: true },
  // The matrix's expert is invited to the own and descendant cases (access-matrix.fixtures.ts).
  'GET /api/cases/:id/outcomes/:service': { url: (w, r) => `/api/cases/${w.case[r].id}/outcomes/mediation`, relational: true },
  'PUT /api/cases/:id/outcomes/:service': {
    url: (w, r) => `/api/cases/${w.case[r].id}/outcomes/mediation`, body: () => ({ agreementReached: false, judicialConfirmation: false }), relational: true, mutates: true,
  },
  'POST /api/cases/:id/experts': { url: (w, r) => `/api/cases/${w.case[r].id}/experts`, body: () => ({ userId: NO_ID }), relational: true, mutates: true },
  'DELETE /api/cases/:id/experts/:userId': { url: (w, r) => `/api/cases/${w.case[r].id}/experts/${NO_ID}`, relational: true, mutates: true },
  'PUT /api/cases/:id/experts/me/opinion': { url: (w, r) => `/api/cases/${w.case[r].id}/experts/me/opinion`, body: () => ({ opinion: '矩阵专家意见' }), relational: true },
  // Own notifications only: the caller's relation to an institution does not apply (another user's id answers 404,
  // tested in notifications.routes.test.ts).
  'GET /api/notifications': collection('/api/notifications'),
  'POST /api/notifications/:id/read': collection('/api/notifications/00000000-0000-7000-8000-000000000000/read', {}),
  'POST /api/notifications/read-all': collection('/api/notifications/read-all', {}),

  // The applicant portal: own drafts and cases only (ownership checked inside, 404 for anyone else's, tested in
  // portal-cases/*.test.ts); staff reach cases through /api/cases. Routes on one record are accessOnly here.
  'POST /api/portal/drafts': collection('/api/portal/drafts', {}),
  'GET /api/portal/drafts': collection('/api/portal/drafts'),
  'GET /api/portal/drafts/:id': portalRecord('/api/portal/drafts/:id'),
  'PUT /api/portal/drafts/:id': portalRecord('/api/portal/drafts/:id', {}),
  'DELETE /api/portal/drafts/:id': portalRecord('/api/portal/drafts/:id'),
  'POST /api/portal/drafts/:id/evidence': portalRecord('/api/portal/drafts/:id/evidence'),
  'DELETE /api/portal/drafts/:id/evidence/:attachmentId': portalRecord('/api/portal/drafts/:id/evidence/00000000-0000-7000-8000-000000000001'),
  'POST /api/portal/drafts/:id/submit': portalRecord('/api/portal/drafts/:id/submit', {}),
  'GET /api/portal/privacy-notice': collection('/api/portal/privacy-notice'),
  'GET /api/portal/proposal': collection('/api/portal/proposal?regionCode=420111&service=consultation'),
  'GET /api/portal/cases': collection('/api/portal/cases'),
  'GET /api/portal/cases/:id': portalRecord('/api/portal/cases/:id'),
  'POST /api/portal/cases/:id/supplement': portalRecord('/api/portal/cases/:id/supplement'),
  'POST /api/portal/cases/:id/withdraw': portalRecord('/api/portal/cases/:id/withdraw', {}),
  'POST /api/portal/track/code': collection('/api/portal/track/code', { caseNumber: 'WH-2026-999999', contact: 'matrix@example.com' }),
  'POST /api/portal/track': collection('/api/portal/track', { caseNumber: 'WH-2026-999999', contact: 'matrix@example.com', code: '000000' }),
  'GET /api/portal/track/case': collection('/api/portal/track/case'),
  'GET /api/portal/rate/:token': collection('/api/portal/rate/matrix-token-0000000000'),
  'POST /api/portal/rate/:token': collection('/api/portal/rate/matrix-token-0000000000', { score: 5 }),

  // Publishing (articles/): a draft article at each relation's institution (articles.matrix-fixtures.ts).
  'GET /api/articles': collection('/api/articles'),
  'POST /api/articles': {
    url: () => '/api/articles', body: (w, r) => ({ institutionId: inst(w, r), kind: 'news', title: `矩阵新文章${r}`, bodyHtml: '<p>正文</p>' }), relational: true,
  },
  'POST /api/articles/from-case': { url: () => '/api/articles/from-case', body: (w, r) => ({ caseId: w.case[r].id }), relational: true },
  'GET /api/articles/:id': { url: (w, r) => `/api/articles/${w.article[r]}`, relational: true },
  'PUT /api/articles/:id': {
    url: (w, r) => `/api/articles/${w.article[r]}`, body: () => ({ expectedVersion: 1, title: '矩阵改题', bodyHtml: '<p>改</p>' }), relational: true, mutates: true,
  },
  'POST /api/articles/:id/transitions': { url: (w, r) => `/api/articles/${w.article[r]}/transitions`, body: () => ({ action: 'submit' }), relational: true, mutates: true },
  'GET /api/articles/:id/versions': { url: (w, r) => `/api/articles/${w.article[r]}/versions`, relational: true },
  'GET /api/articles/:id/versions/:version': { url: (w, r) => `/api/articles/${w.article[r]}/versions/1`, relational: true },
  // Files: uploads are multipart (access only); a made-up file id answers 404 in scope, the article's 404 outside it.
  'POST /api/articles/:id/attachments': { url: (w, r) => `/api/articles/${w.article[r]}/attachments`, relational: true, accessOnly: true },
  'DELETE /api/articles/:id/attachments/:attachmentId': { url: (w, r) => `/api/articles/${w.article[r]}/attachments/${NO_ID}`, relational: true, mutates: true },
  'GET /api/articles/:id/attachments/:attachmentId': { url: (w, r) => `/api/articles/${w.article[r]}/attachments/${NO_ID}`, relational: true, mutates: true },
  'GET /api/portal/articles/:id/attachments/:attachmentId': collection(`/api/portal/articles/${NO_ID}/attachments/${NO_ID}`),
  'GET /api/visits': collection('/api/visits'),
  'GET /api/visits/export.xlsx': collection('/api/visits/export.xlsx'),
  'GET /api/portal/articles': collection('/api/portal/articles?kind=policy'),
  'GET /api/portal/articles/:id': collection(`/api/portal/articles/${NO_ID}`),
  'GET /api/portal/home': collection('/api/portal/home'),
  'POST /api/portal/visits': collection('/api/portal/visits', { module: 'home' }),
  // The expert pool. Record routes have no fixture expert at each relation: out-of-scope calls answer 404 with a made-up
  // id; scope of real records is tested in modules/experts/experts.routes.test.ts.
  'GET /api/experts': collection('/api/experts'),
  'GET /api/experts/export.xlsx': collection('/api/experts/export.xlsx'),
  'POST /api/experts': collection('/api/experts', { name: '矩阵专家', kinds: ['lawyer'] }),
  'GET /api/experts/:id': { url: () => `/api/experts/${NO_ID}`, relational: true, mutates: true },
  'PATCH /api/experts/:id': { url: () => `/api/experts/${NO_ID}`, body: () => ({ version: 1, title: '教授' }), relational: true, mutates: true },
  'POST /api/experts/imports': { ...collection('/api/experts/imports'), accessOnly: true },
  'GET /api/experts/imports/:id': portalRecord('/api/experts/imports/:id'),
  'GET /api/cases/:id/expert-matching': { url: (w, r) => `/api/cases/${w.case[r].id}/expert-matching`, relational: true },
  'POST /api/cases/:id/expert-matches': { url: (w, r) => `/api/cases/${w.case[r].id}/expert-matches`, body: () => ({}), relational: true },
  'POST /api/cases/:id/expert-invitations': {
    url: (w, r) => `/api/cases/${w.case[r].id}/expert-invitations`, body: () => ({ matchId: NO_ID, expertId: NO_ID }), relational: true, mutates: true,
  },
  // An expert's own invitations (another's answers 404): tested in modules/experts/experts.invitations.test.ts.
  'GET /api/expert-invitations/mine': collection('/api/expert-invitations/mine'),
  // The expert's own view of a case (another's case answers 404): tested in modules/cases/expert-view.test.ts.
  'GET /api/expert/cases': collection('/api/expert/cases'),
  'GET /api/expert/cases/:id': portalRecord('/api/expert/cases/:id'),
  'GET /api/expert/cases/:id/evidence/:attachmentId': portalRecord(`/api/expert/cases/:id/evidence/${NO_ID}`),
  'PUT /api/expert/cases/:id/opinion': portalRecord('/api/expert/cases/:id/opinion', { conclusion: 'likely', reasoning: ['矩阵'] }),
  'POST /api/expert-invitations/:id/accept': portalRecord('/api/expert-invitations/:id/accept', {}),
  'POST /api/expert-invitations/:id/decline': portalRecord('/api/expert-invitations/:id/decline', { reason: '时间冲突' }),
  'POST /api/expert-invitations/:id/rating': portalRecord('/api/expert-invitations/:id/rating', { rating: 5 }),
  // Consultations: records at each relation (consultations.matrix-fixtures.ts); the portal's are the asker's own only.
  'POST /api/consultations': {
    url: () => '/api/consultations',
    body: (w, r) => ({ institutionId: inst(w, r), channel: 'hotline', topic: 'laws', question: '矩阵咨询', answer: '矩阵答复' }),
    relational: true,
  },
  'GET /api/consultations': collection('/api/consultations?status=open'),
  'GET /api/consultations/export.xlsx': collection('/api/consultations/export.xlsx'),
  'GET /api/consultations/suggestions': collection('/api/consultations/suggestions?q=%E5%95%86%E6%A0%87%E6%8A%A2%E6%B3%A8'),
  'GET /api/consultations/:id': { url: (w, r) => `/api/consultations/${w.consultation[r]}`, relational: true },
  'POST /api/consultations/:id/answer': { url: (w, r) => `/api/consultations/${w.consultation[r]}/answer`, body: () => ({ answer: '矩阵再答复' }), relational: true },
  'POST /api/consultations/:id/case': { url: (w, r) => `/api/consultations/${w.consultation[r]}/case`, body: () => ({}), relational: true, mutates: true },
  'POST /api/consultations/:id/qa-proposals': { url: (w, r) => `/api/consultations/${w.consultation[r]}/qa-proposals`, body: () => ({}), relational: true, mutates: true },
  'GET /api/qa-proposals': collection('/api/qa-proposals'),
  'POST /api/qa-proposals/:id/review': collection(`/api/qa-proposals/${NO_ID}/review`, { decision: 'approve' }),
  'POST /api/qa-proposals/:id/article': collection(`/api/qa-proposals/${NO_ID}/article`),
  'POST /api/portal/consultations': collection('/api/portal/consultations', { regionCode: '420111', topic: 'laws', question: '矩阵在线咨询' }),
  'GET /api/portal/consultations': collection('/api/portal/consultations'),
  'GET /api/portal/consultations/:id': portalRecord('/api/portal/consultations/:id'),
  'POST /api/portal/consultations/:id/messages': portalRecord('/api/portal/consultations/:id/messages', { body: '矩阵追问' }),
  // Statistics: a cut naming an institution outside the scope answers 404 like any other record.
  'GET /api/stats/indicators': collection('/api/stats/indicators'),
  'GET /api/stats/summary': { url: (w, r) => `/api/stats/summary?period=2026&institutionId=${inst(w, r)}`, relational: true },
  'GET /api/stats/breakdown': { url: (w, r) => `/api/stats/breakdown?period=2026&indicator=cases.accepted&by=month&institutionId=${inst(w, r)}`, relational: true },
  'GET /api/stats/records': { url: (w, r) => `/api/stats/records?period=2026&indicator=cases.accepted&institutionId=${inst(w, r)}`, relational: true },
  'GET /api/stats/returns': collection('/api/stats/returns?period=2026-Q3'),
  'GET /api/stats/returns/view': { url: (w, r) => `/api/stats/returns/view?period=2026-Q3&institutionId=${inst(w, r)}`, relational: true },
  'PUT /api/stats/returns': { url: () => '/api/stats/returns', body: (w, r) => ({ institutionId: inst(w, r), period: '2026-Q3', fundsSpent: null, narrative: '', practices: [], submit: false }), relational: true, mutates: true },
  'POST /api/stats/returns/:id/review': { url: () => `/api/stats/returns/${NO_ID}/review`, body: () => ({ decision: 'accept' }), relational: false, accessOnly: true },
  'POST /api/stats/report': { url: () => '/api/stats/report', body: (w, r) => ({ year: 2026, institutionId: inst(w, r), format: 'docx' }), relational: true, mutates: true },
  'POST /api/stats/table.xlsx': collection('/api/stats/table.xlsx', { title: '矩阵测试', columns: ['a'], rows: [[1]] }),
  'GET /api/stats/history/template': collection('/api/stats/history/template'),
  'POST /api/stats/history/imports': { ...collection('/api/stats/history/imports'), accessOnly: true },
  'GET /api/stats/history/imports': collection('/api/stats/history/imports'),
  'GET /api/stats/history/imports/:id': portalRecord('/api/stats/history/imports/:id'),
  'POST /api/stats/history/imports/:id/undo': { url: () => `/api/stats/history/imports/${NO_ID}/undo`, relational: false, accessOnly: true },
  // Search (ADR 0016): the portal's is public; the console's lists only what each caller's scopes reach.
  'GET /api/search': collection('/api/search?q=%E4%BE%B5%E6%9D%83'),
  'GET /api/search/console': collection('/api/search/console?q=%E4%BE%B5%E6%9D%83'),
  'GET /api/search/suggestions': collection('/api/search/suggestions?q=%E4%BE%B5'),
  // Trainings, publicity activities, risk alerts (modules/trainings, outreach, alerts).
  'GET /api/trainings': collection('/api/trainings'),
  'GET /api/trainings/export.xlsx': collection('/api/trainings/export.xlsx'),
  'GET /api/trainings/:id': { url: (w, r) => `/api/trainings/${w.training[r]}`, relational: true },
  'POST /api/trainings': {
    url: () => '/api/trainings',
    body: (w, r) => ({ institutionId: inst(w, r), title: '矩阵培训', topics: ['ip_basics'], mode: 'online', startsAt: '2027-01-10T01:00:00Z', endsAt: '2027-01-10T03:00:00Z', organiser: '矩阵' }),
    relational: true,
  },
  'PATCH /api/trainings/:id': { url: (w, r) => `/api/trainings/${w.training[r]}`, body: () => ({ title: '矩阵改名', version: 0 }), relational: true },
  'POST /api/trainings/:id/transition': { url: (w, r) => `/api/trainings/${w.training[r]}/transition`, body: () => ({ action: 'close' }), relational: true },
  'GET /api/trainings/:id/registrations': { url: (w, r) => `/api/trainings/${w.training[r]}/registrations`, relational: true },
  'GET /api/trainings/:id/registrations.xlsx': { url: (w, r) => `/api/trainings/${w.training[r]}/registrations.xlsx`, relational: true },
  'POST /api/trainings/:id/registrations/:registrationId/checkin': collection(`/api/trainings/${NO_ID}/registrations/${NO_ID}/checkin`),
  'POST /api/trainings/:id/registrations/:registrationId/cancel': collection(`/api/trainings/${NO_ID}/registrations/${NO_ID}/cancel`),
  'PUT /api/trainings/:id/head-count': { url: (w, r) => `/api/trainings/${w.training[r]}/head-count`, body: () => ({ headCount: 50 }), relational: true, mutates: true },
  'GET /api/trainings/:id/qr': { url: (w, r) => `/api/trainings/${w.training[r]}/qr`, relational: true },
  'POST /api/trainings/:id/materials': { url: (w, r) => `/api/trainings/${w.training[r]}/materials`, relational: false, accessOnly: true },
  'DELETE /api/trainings/:id/materials/:attachmentId': { url: (w, r) => `/api/trainings/${w.training[r]}/materials/${NO_ID}`, relational: true, mutates: true },
  'GET /api/trainings/:id/materials/:attachmentId': { url: (w, r) => `/api/trainings/${w.training[r]}/materials/${NO_ID}`, relational: false, accessOnly: true },
  'GET /api/portal/trainings': collection('/api/portal/trainings'),
  'GET /api/portal/trainings/:id': portalRecord('/api/portal/trainings/:id'),
  'POST /api/portal/trainings/:id/registrations': portalRecord('/api/portal/trainings/:id/registrations', { name: '矩阵', phone: '13900000000' }),
  'POST /api/portal/trainings/:id/registrations/cancel': portalRecord('/api/portal/trainings/:id/registrations/cancel', { code: 'ABC234', phone: '13900000000' }),
  'POST /api/portal/trainings/:id/feedback': portalRecord('/api/portal/trainings/:id/feedback', { code: 'ABC234', score: 5 }),
  'GET /api/portal/trainings/:id/materials/:attachmentId': collection(`/api/portal/trainings/${NO_ID}/materials/${NO_ID}`),
  'GET /api/portal/trainings/checkin/:token': collection('/api/portal/trainings/checkin/aaaaaaaaaaaaaaaaaaaaaaaa'),
  'POST /api/portal/trainings/checkin/:token': collection('/api/portal/trainings/checkin/aaaaaaaaaaaaaaaaaaaaaaaa', { code: 'ABC234' }),
  'GET /api/outreach': collection('/api/outreach'),
  'GET /api/outreach/export.xlsx': collection('/api/outreach/export.xlsx'),
  'POST /api/outreach': {
    url: () => '/api/outreach',
    body: (w, r) => ({ institutionId: inst(w, r), name: '矩阵宣传', heldOn: '2026-04-26', kind: 'ip_day', channel: 'on_site', reachPeople: 100 }),
    relational: true,
  },
  'PATCH /api/outreach/:id': collection(`/api/outreach/${NO_ID}`, { name: '矩阵' }),
  'GET /api/alerts': collection('/api/alerts'),
  'GET /api/alerts/:id': { url: (w, r) => `/api/alerts/${w.alert[r]}`, relational: true },
  'POST /api/alerts': {
    url: () => '/api/alerts',
    body: (w, r) => ({ institutionId: inst(w, r), title: '矩阵预警', countries: ['DE'], riskKind: 'litigation', body: '内容', advice: '建议' }),
    relational: true,
  },
  'POST /api/alerts/:id/publish': { url: (w, r) => `/api/alerts/${w.alert[r]}/publish`, relational: true, mutates: true },
  'GET /api/portal/alerts': collection('/api/portal/alerts'),
  'GET /api/portal/alerts/:id': portalRecord('/api/portal/alerts/:id'),
  'GET /api/portal/alert-subscription': collection('/api/portal/alert-subscription'),
  'PUT /api/portal/alert-subscription': collection('/api/portal/alert-subscription', { countries: ['US'], industries: [] }),
  'DELETE /api/portal/alert-subscription': collection('/api/portal/alert-subscription'),
  // On-site service at events and analysis projects: an id no record has (404 in and out of scope, so in-scope calls are
  // skipped); scope over real records is tested in modules/events/events.routes.test.ts and modules/analysis/analysis.routes.test.ts.
  'GET /api/events': collection('/api/events'),
  'GET /api/events/roster-candidates': collection('/api/events/roster-candidates'),
  'POST /api/events': {
    url: () => '/api/events',
    body: (w, r) => ({ institutionId: inst(w, r), name: '矩阵展会', kind: 'exhibition', venue: '矩阵馆', startsOn: '2026-03-01', endsOn: '2026-03-02', organiser: '矩阵主办' }),
    relational: true,
  },
  'GET /api/events/:id': { url: () => `/api/events/${NO_ID}`, relational: true, mutates: true },
  'PATCH /api/events/:id': { url: () => `/api/events/${NO_ID}`, body: () => ({ version: 1, venue: '矩阵馆' }), relational: true, mutates: true },
  'POST /api/events/:id/roster': { url: () => `/api/events/${NO_ID}/roster`, body: () => ({ onDate: '2026-03-01', kind: 'institution', refId: NO_ID }), relational: true, mutates: true },
  'DELETE /api/events/:id/roster/:subId': { url: () => `/api/events/${NO_ID}/roster/${NO_ID}`, relational: true, mutates: true },
  'POST /api/events/:id/screenings': { url: () => `/api/events/${NO_ID}/screenings`, body: () => ({ screenedOn: '2026-03-01', scope: '矩阵', conclusion: '矩阵' }), relational: true, mutates: true },
  'GET /api/events/:id/screenings/:subId/report': { url: () => `/api/events/${NO_ID}/screenings/${NO_ID}/report`, relational: true, mutates: true },
  'GET /api/events/:id/summary': { url: () => `/api/events/${NO_ID}/summary`, relational: true, mutates: true },
  'GET /api/events/:id/summary.xlsx': { url: () => `/api/events/${NO_ID}/summary.xlsx`, relational: true, mutates: true },
  'POST /api/events/:id/commitments': { url: () => `/api/events/${NO_ID}/commitments`, body: () => ({ exhibitor: '矩阵公司', signerName: '矩阵', agreed: true }), relational: true, mutates: true },
  'POST /api/events/:id/commitments/upload': portalRecord('/api/events/:id/commitments/upload'),
  'GET /api/events/:id/commitments/:subId/file': { url: () => `/api/events/${NO_ID}/commitments/${NO_ID}/file`, relational: true, mutates: true },
  'GET /api/events/:id/desk': { url: () => `/api/events/${NO_ID}/desk`, relational: true, mutates: true },
  'POST /api/events/:id/photos': portalRecord('/api/events/:id/photos'),
  'POST /api/events/:id/complaints': {
    url: () => `/api/events/${NO_ID}/complaints`,
    body: () => ({ complainant: { name: '矩阵投诉人' }, booth: 'A-1', respondent: '矩阵参展商', ipType: 'patent', summary: '矩阵投诉' }),
    relational: true, mutates: true,
  },
  'POST /api/events/:id/complaints/:subId/notice': { url: () => `/api/events/${NO_ID}/complaints/${NO_ID}/notice`, body: () => ({ method: 'phone' }), relational: true, mutates: true },
  'POST /api/events/:id/complaints/:subId/outcome': { url: () => `/api/events/${NO_ID}/complaints/${NO_ID}/outcome`, body: () => ({ outcome: 'settled' }), relational: true, mutates: true },
  'POST /api/events/:id/consultations': { url: () => `/api/events/${NO_ID}/consultations`, body: () => ({ topic: '矩阵', count: 1 }), relational: true, mutates: true },
  'GET /api/analysis-projects': collection('/api/analysis-projects'),
  'POST /api/analysis-projects': {
    url: () => '/api/analysis-projects',
    body: (w, r) => ({
      institutionId: inst(w, r), title: '矩阵项目', commissionerKind: 'government', commissioner: '矩阵委托方', subjectKind: 'industry', subject: '矩阵产业',
      kind: 'patent_landscape', purpose: 'public_rnd', startsOn: '2026-03-01',
    }),
    relational: true,
  },
  'GET /api/analysis-projects/:id': { url: () => `/api/analysis-projects/${NO_ID}`, relational: true, mutates: true },
  'PATCH /api/analysis-projects/:id': { url: () => `/api/analysis-projects/${NO_ID}`, body: () => ({ version: 1, subject: '矩阵' }), relational: true, mutates: true },
  'POST /api/analysis-projects/:id/milestones': { url: () => `/api/analysis-projects/${NO_ID}/milestones`, body: () => ({ title: '矩阵', dueOn: '2026-04-01' }), relational: true, mutates: true },
  'POST /api/analysis-projects/:id/milestones/:subId/done': { url: () => `/api/analysis-projects/${NO_ID}/milestones/${NO_ID}/done`, body: () => ({ doneOn: '2026-04-01' }), relational: true, mutates: true },
  'POST /api/analysis-projects/:id/reports': portalRecord('/api/analysis-projects/:id/reports'),
  'GET /api/analysis-projects/:id/reports/:subId': { url: () => `/api/analysis-projects/${NO_ID}/reports/${NO_ID}`, relational: true, mutates: true },
};

/**
 * The registries served by modules/registries (list, export, create, detail, edit, import): record routes use a made-up id
 * (out of scope answers 404); the scope of real records is tested in each registry module's routes test.
 */
function registryCalls(path: string, create: unknown, patch: unknown = { version: 1, notes: '矩阵' }): Record<string, RouteCall> {
  return {
    [`GET ${path}`]: collection(path),
    [`GET ${path}/export.xlsx`]: collection(`${path}/export.xlsx`),
    [`POST ${path}`]: collection(path, create),
    [`GET ${path}/:id`]: { url: () => `${path}/${NO_ID}`, relational: true, mutates: true },
    [`PATCH ${path}/:id`]: { url: () => `${path}/${NO_ID}`, body: () => patch, relational: true, mutates: true },
    [`POST ${path}/imports`]: { ...collection(`${path}/imports`), accessOnly: true },
    [`GET ${path}/imports/:id`]: portalRecord(`${path}/imports/:id`),
  };
}
Object.assign(routeCalls, registryCalls('/api/partners', { name: '矩阵合作单位', kind: 'law_firm' }));
Object.assign(routeCalls, registryCalls('/api/key-enterprises', { name: '矩阵重点企业', creditCode: '91420100MA4K5T2Q3Q' }));
routeCalls['POST /api/key-enterprises/:id/logs'] = {
  url: () => `/api/key-enterprises/${NO_ID}/logs`, body: () => ({ kind: 'contact', happenedOn: '2026-01-05', summary: '矩阵走访' }), relational: true, mutates: true,
};
Object.assign(routeCalls, registryCalls('/api/volunteer-teams', { name: '矩阵志愿队', hostKind: 'university' }));
Object.assign(routeCalls, registryCalls('/api/volunteers', { name: '矩阵志愿者', teamId: NO_ID }));
routeCalls['POST /api/volunteers/:id/hours'] = {
  url: () => `/api/volunteers/${NO_ID}/hours`, body: () => ({ servedOn: '2026-01-05', activity: '矩阵服务', hours: 2 }), relational: true, mutates: true,
};
routeCalls['GET /api/volunteer-hours/totals'] = collection('/api/volunteer-hours/totals');
Object.assign(routeCalls, registryCalls('/api/overseas', { kind: 'law', title: '矩阵海外法规', country: 'US' }, { version: 1, summary: '矩阵' }));
routeCalls['GET /api/key-enterprises/liaisons'] = collection('/api/key-enterprises/liaisons');
// 考核 (assessment): records by NO_ID answer 404 out of scope; creating a sheet is checked at each relation.
const noIdRecord = (url: string, body?: unknown): RouteCall => ({ url: () => url.replaceAll(':id', NO_ID), relational: true, mutates: true, ...(body ? { body: () => body } : {}) });
Object.assign(routeCalls, {
  'GET /api/assessments/sheets': collection('/api/assessments/sheets'),
  'POST /api/assessments/sheets': {
    url: () => '/api/assessments/sheets', relational: true,
    body: (w: MatrixWorld, r: Relation) => ({ institutionId: inst(w, r), name: `矩阵打分表${r}`, year: 2026, items: [{ kind: 'manual', title: '工作成效', weight: 100 }] }),
  },
  'GET /api/assessments/sheets/:id': noIdRecord('/api/assessments/sheets/:id'),
  'PUT /api/assessments/sheets/:id': noIdRecord('/api/assessments/sheets/:id', { institutionId: NO_ID, name: '矩阵', year: 2026, items: [{ kind: 'manual', title: '工作成效', weight: 100 }] }),
  'POST /api/assessments/sheets/:id/copy': noIdRecord('/api/assessments/sheets/:id/copy', {}),
  'GET /api/assessments/runs': collection('/api/assessments/runs'),
  'GET /api/assessments/mine': collection('/api/assessments/mine'),
  'POST /api/assessments/runs': noIdRecord('/api/assessments/runs', { sheetId: NO_ID, institutionTypes: ['sub_center'] }),
  'GET /api/assessments/runs/:id': noIdRecord('/api/assessments/runs/:id'),
  'GET /api/assessments/runs/:id/institutions/:institutionId': noIdRecord(`/api/assessments/runs/:id/institutions/${NO_ID}`),
  'PUT /api/assessments/runs/:id/scores': noIdRecord('/api/assessments/runs/:id/scores', { institutionId: NO_ID, itemKey: 'i1', score: 1, evidence: '矩阵' }),
  'GET /api/assessments/runs/:id/export.xlsx': noIdRecord('/api/assessments/runs/:id/export.xlsx'),
  'GET /api/assessments/runs/:id/files/:fileId': noIdRecord(`/api/assessments/runs/:id/files/${NO_ID}`),
  'POST /api/assessments/runs/:id/files': { url: () => `/api/assessments/runs/${NO_ID}/files`, relational: false, accessOnly: true },
} satisfies Record<string, RouteCall>);
