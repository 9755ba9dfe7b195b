import type { Deps } from '../platform/deps.ts';
import { sealContact } from '../modules/consultations/consultations.record.ts';
import { demoConsultations, demoOnline } from './consultations.data.ts';
import { demoApplicant } from './network.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** 00:00 China Standard Time of the day holding `t`. */
const cstMidnight = (t: number) => Math.floor((t + 8 * HOUR) / DAY) * DAY - 8 * HOUR;
/** Who took the calls: the desk of each demo institution, by region prefix of the asker. */
const desks: { region: string; institution: string; staff: string }[] = [
  { region: '4205', institution: '宜昌市知识产权维权援助中心', staff: 'yc_handler' },
  { region: '4201', institution: '武汉市知识产权维权援助中心', staff: 'wh_clerk' },
  { region: '42', institution: '湖北省知识产权维权援助中心', staff: 'hb_admin' },
];

/**
 * The demo's consultations: the desk's records over the last four months across channels and topics
 * (a few with a masked contact), and the demo applicant's online questions, one still open.
 */
export async function loadDemoConsultations(deps: Deps): Promise<void> {
  const now = deps.clock.now().getTime();
  const ids = new Map<string, { id: string; path: string; staff: string }>();
  for (const d of desks) {
    const i = await deps.db.selectFrom('institutions').select(['id', (eb) => eb.cast<string>('path', 'text').as('path')])
      .where('name', '=', d.institution).executeTakeFirstOrThrow();
    const u = await deps.db.selectFrom('users').select('id').where('username', '=', d.staff).executeTakeFirstOrThrow();
    ids.set(d.region, { id: i.id, path: i.path, staff: u.id });
  }
  const deskFor = (region: string) => ids.get(desks.find((d) => region.startsWith(d.region))!.region)!;
  await deps.db.transaction().execute(async (tx) => {
    for (const [n, [channel, topic, ipType, askerKind, size, region, question, answer, minutes]] of demoConsultations.entries()) {
      const desk = deskFor(region);
      // Oldest first, about three days apart, between 9:00 and 16:00 China time, never in the future.
      const day = cstMidnight(now - (demoConsultations.length - n) * 3 * DAY);
      const askedAt = new Date(Math.min(day + 9 * HOUR + ((n * 37) % 420) * 60_000, now - HOUR));
      const answeredAt = new Date(askedAt.getTime() + minutes * 60_000);
      const contact = n % 5 === 0 ? sealContact(deps.secrets, `1390000${String(1000 + n).padStart(4, '0')}`) : sealContact(deps.secrets, undefined);
      const row = await tx.insertInto('consultations').values({
        institution_id: desk.id, institution_path: desk.path, channel, asker_kind: askerKind, enterprise_size: size, region_code: region,
        ip_type: ipType, topic, question, answer, status: 'answered', minutes_spent: minutes, asker_name: n % 5 === 0 ? '来电人' : null,
        ...contact, asker_user_id: null, staff_id: desk.staff, case_id: null, asked_at: askedAt, answered_at: answeredAt,
      }).returning('id').executeTakeFirstOrThrow();
      await tx.insertInto('consultation_messages').values([
        { consultation_id: row.id, author: 'asker', author_id: null, body: question, created_at: askedAt },
        { consultation_id: row.id, author: 'staff', author_id: desk.staff, body: answer, created_at: answeredAt },
      ]).execute();
    }
    const applicant = await tx.selectFrom('users').select(['id', 'display_name']).where('email', '=', demoApplicant.email).executeTakeFirstOrThrow();
    const wh = ids.get('4201')!;
    for (const [n, o] of demoOnline.entries()) {
      const askedAt = new Date(now - (demoOnline.length - n) * 2 * DAY);
      const answeredAt = o.answer ? new Date(askedAt.getTime() + 5 * 3_600_000) : null;
      const row = await tx.insertInto('consultations').values({
        institution_id: wh.id, institution_path: wh.path, channel: 'online', asker_kind: 'legal_person', enterprise_size: 'small',
        region_code: '420111', ip_type: o.ipType, topic: o.topic, question: o.question, answer: o.answer, status: o.answer ? 'answered' : 'open',
        minutes_spent: o.answer ? 15 : null, asker_name: applicant.display_name, asker_contact_enc: null, asker_contact_masked: null,
        asker_user_id: applicant.id, staff_id: o.answer ? wh.staff : null, case_id: null, asked_at: askedAt, answered_at: answeredAt,
      }).returning('id').executeTakeFirstOrThrow();
      await tx.insertInto('consultation_messages').values([
        { consultation_id: row.id, author: 'asker', author_id: applicant.id, body: o.question, created_at: askedAt },
        ...(o.answer && answeredAt ? [{ consultation_id: row.id, author: 'staff' as const, author_id: wh.staff, body: o.answer, created_at: answeredAt }] : []),
      ]).execute();
    }
  });
}
