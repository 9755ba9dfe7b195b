import './onsite.css';
import fontsCss from '@fontsource/noto-sans-sc/400.css?url';

/**
 * The on-site desk's complaint page (/onsite/:eventId), for a phone on a slow network: no framework, one
 * inlined document (ADR 0028). The complaint becomes a fast-track case due the same day on the server.
 */
interface Opt { value: string; zh: string; en: string }
interface Desk { id: string; name: string; venue: string; today: string; open: boolean; ipTypes: Opt[]; partyKinds: Opt[] }
interface ApiErr { message?: string; messageEn?: string; field?: string }

const $ = <T extends HTMLElement>(sel: string) => document.querySelector(sel) as T;
const form = $<HTMLFormElement>('#form');
const field = (n: string) => form.elements.namedItem(n) as HTMLInputElement;
const eventId = location.pathname.split('/').filter(Boolean)[1] ?? '';
let csrf = '';
let photoIds: string[] = [];
let uploading = 0;
// crypto.randomUUID needs a secure context; a desk on plain HTTP in a LAN still gets a random key.
const newKey = () => [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
let idempotencyKey = newKey();

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', ...(init.headers as Record<string, string>) };
  if (init.method && init.method !== 'GET' && csrf) headers['x-csrf-token'] = csrf;
  const res = await fetch(path, { credentials: 'same-origin', ...init, headers });
  const json = (await res.json().catch(() => ({}))) as { error?: ApiErr } & T;
  if (!res.ok) throw Object.assign(new Error(json.error?.message ?? `请求失败（${res.status}）`), { status: res.status, api: json.error ?? {} });
  return json;
}

function say(html: string): void {
  const n = $('#notice');
  n.innerHTML = html;
  n.hidden = !html;
}

/** Check one field as it is typed; the same rules as the server's schema. */
const rules: Record<string, (v: string) => string> = {
  name: (v) => (v.trim() ? '' : '请填写投诉人 / enter the complainant'),
  phone: (v) => (!v.trim() || /^1\d{10}$/.test(v.trim()) ? '' : '手机号码格式不正确 / invalid mobile number'),
  booth: (v) => (v.trim() ? '' : '请填写展位号 / enter the booth'),
  respondent: (v) => (v.trim() ? '' : '请填写被投诉参展商 / enter the exhibitor'),
  summary: (v) => (v.trim() ? '' : '请简述投诉事项 / describe the complaint'),
};
function check(name: string, text?: string): boolean {
  const msg = text ?? rules[name]?.(field(name).value) ?? '';
  const box = form.querySelector(`[data-for="${name}"]`);
  if (box) box.textContent = msg;
  field(name).setAttribute('aria-invalid', String(!!msg));
  return !msg;
}
for (const n of Object.keys(rules)) field(n).addEventListener('input', () => check(n));

const fill = (sel: HTMLSelectElement, list: Opt[], value: string) => {
  sel.innerHTML = list.map((o) => `<option value="${o.value}"${o.value === value ? ' selected' : ''}>${o.zh} ${o.en}</option>`).join('');
};

/** The server puts the desk's data in the page when the clerk is signed in; otherwise ask the API (and learn why not). */
async function deskOf(): Promise<{ desk: Desk; csrfToken: string }> {
  const boot = document.getElementById('boot');
  if (boot?.textContent) return JSON.parse(boot.textContent) as { desk: Desk; csrfToken: string };
  const [me, desk] = await Promise.all([call<{ csrfToken?: string }>('/api/auth/me'), call<{ data: Desk }>(`/api/events/${eventId}/desk`)]);
  return { desk: desk.data, csrfToken: me.csrfToken ?? '' };
}

async function start(): Promise<void> {
  try {
    const { desk: d, csrfToken } = await deskOf();
    csrf = csrfToken;
    $('#event').textContent = `${d.name} · ${d.venue} · ${d.today}`;
    fill(field('kind') as unknown as HTMLSelectElement, d.partyKinds, 'legal_person');
    fill(field('ipType') as unknown as HTMLSelectElement, d.ipTypes, 'patent');
    if (!d.open) say('活动不在举办期间，不能受理现场投诉。The event is not on today.');
    // The form is complete: bench/onsite-page.ts reads this mark.
    if (!performance.getEntriesByName('onsite:ready').length) performance.mark('onsite:ready');
  } catch (e) {
    const status = (e as { status?: number }).status;
    if (status === 401) say('请先登录工作台。Please sign in first. <a href="/console/login">登录 Sign in</a>');
    else say(`${(e as Error).message}`);
  }
}

field('photos').addEventListener('change', async () => {
  const files = [...(field('photos').files ?? [])];
  if (!files.length) return;
  const body = new FormData();
  for (const f of files) body.append('file', f);
  uploading++;
  $('#photos').textContent = `正在上传 ${files.length} 张照片… Uploading`;
  try {
    const r = await call<{ data: { id: string }[] }>(`/api/events/${eventId}/photos`, { method: 'POST', body });
    photoIds = [...photoIds, ...r.data.map((x) => x.id)];
    $('#photos').textContent = `已上传 ${photoIds.length} 张照片 / ${photoIds.length} uploaded`;
  } catch (e) {
    $('#photos').textContent = `照片上传失败：${(e as Error).message}（可不带照片提交 / you may submit without photos）`;
  } finally {
    uploading--;
  }
});

form.addEventListener('submit', async (ev) => {
  ev.preventDefault();
  const ok = Object.keys(rules).map((n) => check(n)).every(Boolean);
  if (!ok || uploading) return;
  const v = (n: string) => field(n).value.trim();
  const button = $<HTMLButtonElement>('#submit');
  button.disabled = true;
  say('');
  try {
    const r = await call<{ data: { complaintId: string; caseNumber: string; deadlines: { kind: string; due: string }[] } }>(`/api/events/${eventId}/complaints`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': idempotencyKey },
      body: JSON.stringify({
        complainant: { kind: v('kind'), name: v('name'), ...(v('phone') ? { phone: v('phone') } : {}) }, booth: v('booth'), respondent: v('respondent'),
        ipType: v('ipType'), ...(v('ipNumber') ? { ipNumber: v('ipNumber') } : {}), summary: v('summary'), photoIds,
      }),
    });
    $('#caseNumber').textContent = r.data.caseNumber;
    $('#due').textContent = r.data.deadlines.find((d) => d.kind === 'acceptance')?.due ?? '';
    $('#done').dataset.complaint = r.data.complaintId;
    form.hidden = true;
    $('#done').hidden = false;
  } catch (e) {
    const api = (e as { api?: ApiErr }).api ?? {};
    const name = api.field?.split('.').pop() ?? '';
    if (name && name in rules) check(name, `${api.message ?? ''} / ${api.messageEn ?? ''}`);
    else say(`${(e as Error).message}${api.messageEn ? ` / ${api.messageEn}` : ''}`);
  } finally {
    button.disabled = false;
  }
});

$('#noticeButtons').addEventListener('click', async (ev) => {
  const method = (ev.target as HTMLElement).dataset.method;
  if (!method) return;
  try {
    await call(`/api/events/${eventId}/complaints/${$('#done').dataset.complaint}/notice`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ method }),
    });
    $('#noticeDone').textContent = `已记录通知（${(ev.target as HTMLElement).textContent}）/ notice recorded`;
  } catch (e) {
    $('#noticeDone').textContent = (e as Error).message;
  }
});

$('#again').addEventListener('click', () => {
  form.reset();
  photoIds = [];
  idempotencyKey = newKey();
  $('#photos').textContent = '';
  $('#noticeDone').textContent = '';
  $('#done').hidden = true;
  form.hidden = false;
  void start();

// The Chinese web font only where the device has none (phones do): fetched after the page has loaded, never delaying it.
addEventListener('load', () => {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = fontsCss;
  document.head.append(link);
});
});

void start();

// The Chinese web font only where the device has none (phones do): fetched after the page has loaded, never delaying it.
addEventListener('load', () => {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = fontsCss;
  document.head.append(link);
});
