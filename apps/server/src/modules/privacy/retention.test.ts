import fs from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeUpload } from '../../platform/storage/index.ts';
import { pathForKey } from '../../platform/storage/layout.ts';
import { storageTestApp, stream } from '../../platform/storage/storage.test-support.ts';
import { APPLICANT, submitted } from '../portal-cases/portal.test-support.ts';
import { ANONYMISED, PRIVACY_NOTICE_VERSION } from './retention.ts';

/** Drill 11: consent on each submission; closed cases past the retention period lose personal data and files, statistics do not change. */
let t: Awaited<ReturnType<typeof storageTestApp>>;
beforeAll(async () => {
  t = await storageTestApp();
});
afterAll(() => t.close());

const DAY = 86_400_000;
const statistics = async () =>
  (await sql<{ k: string; n: string }>`SELECT concat_ws('|', institution_id, state, ip_type, region_code, array_to_string(services, ','), enterprise_size, applicant_kind, submitted_at, archived_at) AS k, count(*) AS n FROM cases GROUP BY 1 ORDER BY 1`.execute(t.deps.db)).rows;

async function closedCase(daysAgo: number, skip: number): Promise<string> {
  const c = await t.deps.db.selectFrom('cases').select('id').where('case_number', 'is not', null)
    .where('id', 'in', t.deps.db.selectFrom('case_parties').select('case_id').where('phone_enc', 'is not', null))
    .orderBy('id').offset(skip).limit(1).executeTakeFirstOrThrow();
  await t.deps.db.updateTable('cases').set({ archived_at: new Date(t.deps.clock.now().getTime() - daysAgo * DAY) }).where('id', '=', c.id).execute();
  const f = await storeUpload({ config: t.deps.config, db: t.deps.db }, stream('%PDF-1.4\n%%EOF\n'), { originalName: '身份证复印件.pdf', maxBytes: 1 << 20 });
  await t.deps.db.updateTable('attachments').set({ status: 'attached', owner_type: 'case', owner_id: c.id, attached_at: t.deps.clock.now() }).where('id', '=', f.id).execute();
  await t.deps.db.insertInto('case_attachments').values({ case_id: c.id, attachment_id: f.id, purpose: 'evidence' }).execute();
  return c.id;
}

const parties = (caseId: string) => t.deps.db.selectFrom('case_parties').selectAll().where('case_id', '=', caseId).execute();
const fileOf = async (caseId: string) => {
  const a = await t.deps.db.selectFrom('attachments').innerJoin('case_attachments', 'case_attachments.attachment_id', 'attachments.id')
    .select(['attachments.storage_key', 'attachments.status']).where('case_attachments.case_id', '=', caseId).executeTakeFirstOrThrow();
  return { status: a.status, onDisk: fs.existsSync(pathForKey(t.dataDir, a.storage_key)) };
};

describe('personal-data lifecycle', () => {
  it('records the notice version and time with each portal submission', async () => {
    const me = await t.login(APPLICANT);
    const { receipt } = await submitted(me);
    const row = await t.deps.db.selectFrom('case_privacy').selectAll().where('case_id', '=', receipt.caseId).executeTakeFirstOrThrow();
    expect(row.notice_version).toBe(PRIVACY_NOTICE_VERSION);
    expect(new Date(row.consented_at!).toISOString()).toBe(t.deps.clock.now().toISOString());
  });

  it('anonymises closed cases past the retention period, deletes their files and leaves the statistics as they were', async () => {
    const old = await closedCase(t.deps.config.retentionDays + 30, 0);
    const recent = await closedCase(t.deps.config.retentionDays - 30, 1);
    const recentParties = await parties(recent);
    const before = await statistics();

    expect(await t.runJobNow('privacy-retention')).toEqual({ cases: 1, files: 1 });
    for (const p of await parties(old)) {
      expect(p).toMatchObject({ name: ANONYMISED, id_number_enc: null, id_number_masked: null, phone_enc: null, phone_hmac: null, phone_masked: null, email: null, address_enc: null, address_masked: null, credit_code: null });
    }
    expect(await t.deps.db.selectFrom('cases').select(['summary', 'request']).where('id', '=', old).executeTakeFirstOrThrow()).toEqual({ summary: ANONYMISED, request: ANONYMISED });
    expect(await fileOf(old)).toEqual({ status: 'deleted', onDisk: false });
    expect(await t.deps.db.selectFrom('audit_log').select('action').where('object_id', '=', old).where('action', '=', 'case.anonymise').execute()).toHaveLength(1);

    expect(await parties(recent)).toEqual(recentParties);
    expect(await fileOf(recent)).toEqual({ status: 'attached', onDisk: true });
    expect(await statistics()).toEqual(before);
    expect(await t.runJobNow('privacy-retention')).toEqual({ cases: 0, files: 0 });
  });
});
