import fs from 'node:fs/promises';
import { sql } from 'kysely';
import type { Deps } from '../../platform/deps.ts';
import type { Tx } from '../../platform/db.ts';
import { defineJob } from '../../platform/jobs/define.ts';
import { pathForKey } from '../../platform/storage/layout.ts';
import { indexCase } from '../search/search.index.ts';
import { recordAudit } from '../audit/audit.record.ts';

/** The privacy notice the portal shows beside the submit button; raise it whenever the notice text changes. */
export const PRIVACY_NOTICE_VERSION = '2026-11-v1';
export const ANONYMISED = '已匿名';
const SYSTEM = { actorId: null, actorName: 'retention', institutionId: null, institutionPath: null, ip: null, requestId: null };

/** Record, in the submission's transaction, that the applicant submitted under the current notice. */
export async function recordConsent(tx: Tx, caseId: string, at: Date): Promise<void> {
  await tx.insertInto('case_privacy').values({ case_id: caseId, notice_version: PRIVACY_NOTICE_VERSION, consented_at: at })
    .onConflict((oc) => oc.column('case_id').doUpdateSet({ notice_version: PRIVACY_NOTICE_VERSION, consented_at: at })).execute();
}

export interface RetentionResult {
  cases: number;
  files: number;
}

/**
 * Closed (archived) cases older than the retention period lose their personal data: parties' names, numbers,
 * phones, e-mails and addresses, the free texts, and every file. What statistics count — institution, state,
 * IP type, region, services, dates, enterprise size — stays. One transaction per case; files are unlinked after commit.
 */
export async function anonymiseExpired(deps: Pick<Deps, 'db' | 'clock' | 'config'>, batch = 100): Promise<RetentionResult> {
  const cutoff = new Date(deps.clock.now().getTime() - deps.config.retentionDays * 86_400_000);
  const due = await deps.db.selectFrom('cases').leftJoin('case_privacy', 'case_privacy.case_id', 'cases.id')
    .select('cases.id').where('cases.archived_at', '<', cutoff).where('case_privacy.anonymised_at', 'is', null)
    .orderBy('cases.archived_at').limit(batch).execute();
  const result: RetentionResult = { cases: 0, files: 0 };
  for (const { id } of due) {
    const keys = await deps.db.transaction().execute(async (tx) => {
      await tx.updateTable('case_parties').set({
        name: ANONYMISED, credit_code: null, id_number_enc: null, id_number_masked: null, phone_enc: null, phone_hmac: null,
        phone_masked: null, email: null, address_enc: null, address_masked: null,
      }).where('case_id', '=', id).execute();
      await tx.updateTable('cases').set({ summary: ANONYMISED, request: ANONYMISED }).where('id', '=', id).execute();
      const files = await tx.updateTable('attachments').set({ status: 'deleted', deleted_at: deps.clock.now() })
        .where('id', 'in', tx.selectFrom('case_attachments').select('attachment_id').where('case_id', '=', id))
        .where('status', '<>', 'deleted').returning('storage_key').execute();
      await tx.insertInto('case_privacy').values({ case_id: id, anonymised_at: deps.clock.now() })
        .onConflict((oc) => oc.column('case_id').doUpdateSet({ anonymised_at: sql`excluded.anonymised_at` })).execute();
      await indexCase(tx, id);
      await recordAudit(tx, SYSTEM, { action: 'case.anonymise', objectType: 'case', objectId: id, detail: { files: files.length } });
      return files.map((f) => f.storage_key);
    });
    for (const k of keys) await fs.rm(pathForKey(deps.config.dataDir, k), { force: true });
    result.cases++;
    result.files += keys.length;
  }
  return result;
}

export const retentionJob = defineJob('privacy-retention', (_data, deps) => anonymiseExpired(deps), { schedule: '15 3 * * *', timeoutSeconds: 3600 });
