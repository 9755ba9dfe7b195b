/**
 * `npm run bench:matching`: (1) the ranking (packages/domain rankExperts) against 20,000 generated experts, 200 runs,
 * p50/p95/max; (2) a 10,000-row expert .xlsx imported through the server's import (parse, row checks, duplicate checks,
 * one transaction of multi-row inserts with audit entries) into a fresh embedded database. Writes bench/matching.json.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { idNumberCheckChar, rankExperts, type MatchCase, type MatchExpert } from '@yuanzhi/domain';
import type { Actor } from '../apps/server/src/authz/actor.ts';
import type { Role } from '../apps/server/src/authz/roles.ts';
import { loadDemo } from '../apps/server/src/demo/load.ts';
import { startImport } from '../apps/server/src/modules/experts/experts.import.ts';
import { openPlatform } from '../apps/server/src/platform/bootstrap.ts';
import { loadConfig } from '../apps/server/src/platform/config.ts';
import { allJobs } from '../apps/server/src/platform/jobs/catalog.ts';
import { createManualJobs } from '../apps/server/src/platform/jobs/manual.ts';
import type { Deps } from '../apps/server/src/platform/deps.ts';

const pick = <T>(xs: readonly T[], i: number) => xs[i % xs.length];
const fields = ['manufacturing', 'e_commerce', 'software_internet', 'biomedicine', 'agriculture', 'culture_media', 'import_export'];
const ipTypes = ['patent', 'trademark', 'copyright', 'trade_secret', 'ic_layout'];
const services = ['infringement_opinion', 'mediation', 'warning_analysis', 'overseas_guidance', 'consultation'];
const ipc = ['B23', 'G06F', 'H04L', 'A61K', 'C07', 'H01S', 'F16'];

function experts(n: number): MatchExpert[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `e${i}`, name: `专家${i}`, employer: `某某${i % 3000}科技有限公司`, employerCreditCode: null, kinds: [pick(['technical_expert', 'lawyer', 'mediator', 'overseas'], i)],
    ipc: [pick(ipc, i), pick(ipc, i * 7)], industries: [pick(fields, i)], ipTypes: [pick(ipTypes, i), pick(ipTypes, i + 2)], services: [pick(services, i), pick(services, i * 3)],
    regions: [pick(['420100', '420500', '420000', '110000'], i)], languages: ['zh', pick(['en', 'de', 'ja'], i)], jurisdictions: [pick(['DE', 'US', 'JP'], i)],
    availability: pick(['available', 'available', 'limited', 'unavailable'], i), maxOpen: 3, openLoad: i % 4, ratingAvg: 1 + (i % 5), ratingCount: i % 3,
    interests: [{ kind: 'client', name: `客户${i}有限责任公司` }, { kind: 'relative', name: `亲属${i}公司` }], pastParties: [{ name: `往案${i % 500}有限公司` }],
  }));
}

function rankingBench() {
  const pool = experts(20_000);
  const c: MatchCase = { ipType: 'patent', field: 'manufacturing', ipc: ['B23Q'], services: ['infringement_opinion'], regionCode: '420111',
    parties: [{ role: 'applicant', name: '客户77有限公司' }, { role: 'opposing', name: '往案12有限责任公司' }] };
  const times: number[] = [];
  let last = rankExperts(c, pool);
  for (let i = 0; i < 200; i++) {
    const t0 = performance.now();
    last = rankExperts(c, pool);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const q = (p: number) => Math.round(times[Math.min(times.length - 1, Math.floor(p * times.length))] * 10) / 10;
  return { experts: pool.length, runs: times.length, p50: q(0.5), p95: q(0.95), max: q(1), ranked: last.ranked.length, excluded: last.excluded.length };
}

async function importBench() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'yz-bench-experts-'));
  const platform = await openPlatform({ ...loadConfig({}), dataDir: dir, databaseUrl: undefined } as never);
  try {
    const deps: Deps = { ...platform.deps };
    deps.jobs = createManualJobs(() => deps, allJobs);
    await loadDemo(deps);
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('专家');
    ws.addRow(['姓名', '工作单位', '身份证号码', '专家类别', 'IPC分类', '行业领域', '知识产权类型', '服务类型', '服务地区代码', '申报利害关系', '资格证书', '证书有效期至']);
    for (let i = 0; i < 10_000; i++) {
      const first17 = `420106198${i % 10}0101${String(i).padStart(4, '0').slice(-3)}`.slice(0, 14) + String(i).padStart(3, '0').slice(-3);
      const idn = `${first17.slice(0, 14)}${String(i % 1000).padStart(3, '0')}`;
      ws.addRow([`导入专家${i}`, `导入单位${i}`, i < 1000 ? idn + idNumberCheckChar(idn) : null, '技术专家、律师', 'G06F、B23', '制造业', '专利、商标', '侵权判定', '420100',
        `委托人/客户:客户${i}有限公司；近亲属的企业:亲属${i}公司`, '专家聘书', '2028-12-31']);
    }
    const buffer = Buffer.from(await wb.xlsx.writeBuffer());
    const u = await deps.db.selectFrom('users as u').innerJoin('role_assignments as r', 'r.user_id', 'u.id').innerJoin('institutions as i', 'i.id', 'r.institution_id')
      .select(['u.id', 'u.display_name', 'r.role', 'r.institution_id', 'i.path']).where('u.username', '=', 'hb_admin').executeTakeFirstOrThrow();
    const actor: Actor = { userId: u.id, kind: 'staff', displayName: u.display_name, sessionId: 'bench', grants: [{ role: u.role as Role, institutionId: u.institution_id, institutionPath: u.path }] };
    const ctx = { actorId: u.id, actorName: u.display_name, institutionId: u.institution_id, institutionPath: u.path, ip: null, requestId: 'bench' };
    const t0 = performance.now();
    const id = await startImport(deps, actor, buffer, undefined, ctx);
    await (deps.jobs as ReturnType<typeof createManualJobs>).drain({ name: 'expert-import' });
    const ms = performance.now() - t0;
    const r = await deps.db.selectFrom('expert_imports').select(['status', 'imported', 'errors']).where('id', '=', id).executeTakeFirstOrThrow();
    if (r.status !== 'done') throw new Error(`import ended ${r.status}: ${JSON.stringify(r.errors).slice(0, 400)}`);
    return { rows: 10_000, fileBytes: buffer.length, seconds: Math.round(ms / 100) / 10, imported: r.imported };
  } finally {
    await platform.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const ranking = rankingBench();
console.log('ranking', ranking);
const imported = await importBench();
console.log('import', imported);
const out = { measuredAt: new Date().toISOString(), cpus: os.cpus().length, node: process.version, ranking, import: imported };
fs.writeFileSync(path.join(import.meta.dirname, 'matching.json'), JSON.stringify(out, null, 2) + '\n');
