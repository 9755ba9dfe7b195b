import { addDays, toCstDate } from '@yuanzhi/domain';
import type { Deps } from '../platform/deps.ts';
import { addMilestone, completeMilestone, createProject } from '../modules/analysis/analysis.service.ts';
import { recordNotice, recordOutcome, takeComplaint } from '../modules/events/events.complaints.ts';
import { addRoster, addScreening, createEvent, signCommitment, tallyConsultations } from '../modules/events/events.service.ts';
import { actorFor, ctxOf } from './cases.ts';

/**
 * Demo on-site services and analysis projects, made through the services (so cases, deadlines and audit entries
 * are real): an exhibition on now at the Wuhan centre with its roster, commitments, a risk screening and two desk
 * complaints (fast-track cases due today); a trade fair two months ago with its desk consultations; three
 * analysis projects of the kinds and purposes the statistics count. Facts after the seeds (会前培训、风险排查).
 */
export async function loadDemoEvents(deps: Deps): Promise<void> {
  const [admin, clerk] = [await actorFor(deps, 'hb_admin'), await actorFor(deps, 'wh_clerk')];
  const handler = await actorFor(deps, 'wh_handler');
  const today = toCstDate(deps.clock.now());
  const id = async (table: 'institutions' | 'experts', name: string) =>
    (await deps.db.selectFrom(table).select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
  const wh = await id('institutions', '武汉市知识产权维权援助中心');
  const yc = await id('institutions', '宜昌市知识产权维权援助中心');
  const expert = await deps.db.selectFrom('experts').select('id').where('status', '=', 'active').orderBy('name').executeTakeFirst();

  const expo = await createEvent(deps, admin, {
    institutionId: wh, name: '中国（武汉）光电子信息博览会', kind: 'exhibition', venue: '武汉国际博览中心 A、B 馆', startsOn: addDays(today, -1), endsOn: addDays(today, 1),
    organiser: '武汉东湖新技术开发区管委会', expectedExhibitors: 420, preTraining: '展前知识产权培训：参展商知识产权合规与展会投诉处理（线上，开展前三天）', notes: null,
  }, ctxOf(admin));
  for (const [day, kind, refId, duty] of [
    [addDays(today, -1), 'institution', wh, '知识产权保护服务站'], [today, 'institution', wh, '知识产权保护服务站'],
    [today, 'staff', clerk.userId, '投诉受理'], [today, 'staff', handler.userId, '侵权判定'], ...(expert ? [[today, 'expert', expert.id, '技术比对']] : []),
  ] as [string, 'institution' | 'staff' | 'expert', string, string][]) {
    await addRoster(deps, admin, expo, { onDate: day, kind, refId, duty }, ctxOf(admin));
  }
  for (const [exhibitor, booth, signerName] of [['光谷激光科技有限公司', 'A-108', '周敏'], ['楚天光纤股份有限公司', 'B-012', '刘洋'], ['华中精密仪器有限公司', 'A-230', '陈静']]) {
    await signCommitment(deps, admin, expo, { exhibitor, booth, signerName, agreed: true }, ctxOf(admin));
  }
  await addScreening(deps, admin, expo, {
    screenedOn: addDays(today, -3), scope: '对 420 家参展企业的展品目录、宣传册和展板设计进行知识产权风险排查',
    findings: [
      { exhibitor: '某光电设备有限公司', booth: 'A-215', ipType: 'patent', level: 'high', note: '展品激光切割头与在先有效专利技术方案高度近似' },
      { exhibitor: '某文创用品店', booth: 'B-031', ipType: 'copyright', level: 'medium', note: '宣传册使用未获授权的美术作品' },
      { exhibitor: '某仪器公司', booth: 'C-003', ipType: 'patent', level: 'low', note: '产品标注的专利号已失效' },
    ],
    conclusion: '建议对 A-215、B-031 展位开展会中重点巡查，提示参展商撤换涉嫌侵权的展板和宣传材料。',
  }, ctxOf(admin));
  const first = await takeComplaint(deps, clerk, expo, {
    complainant: { kind: 'legal_person', name: '武汉华星光学有限公司', phone: '13912345678' }, booth: 'A-215', respondent: '某光电设备有限公司',
    ipType: 'patent', ipNumber: 'ZL202110123456.7', summary: '展台展出的激光切割头与我司发明专利技术方案相同，请求撤展', photoIds: [],
  }, ctxOf(clerk));
  await recordNotice(deps, clerk, expo, first.complaintId, { method: 'in_person', note: '已向展位负责人送达投诉告知书' }, ctxOf(clerk));
  await recordOutcome(deps, clerk, expo, first.complaintId, { outcome: 'withdrawn_from_display', note: '参展商承诺并已撤下涉嫌侵权展品' }, ctxOf(clerk));
  await takeComplaint(deps, clerk, expo, {
    complainant: { kind: 'natural_person', name: '李明' }, booth: 'B-031', respondent: '某文创用品店', ipType: 'copyright', ipNumber: null,
    summary: '展位销售的文具印有本人创作的美术作品', photoIds: [],
  }, ctxOf(clerk));
  for (const [onDate, topic, count] of [[addDays(today, -1), '展品商标使用', 12], [today, '专利侵权判定', 5], [today, '展会投诉流程', 8]] as [string, string, number][]) {
    await tallyConsultations(deps, clerk, expo, { onDate, topic, count }, today, ctxOf(clerk));
  }

  const fair = await createEvent(deps, admin, {
    institutionId: wh, name: '中国中部（湖北）农业博览会', kind: 'trade_fair', venue: '武汉国际会展中心', startsOn: addDays(today, -62), endsOn: addDays(today, -59),
    organiser: '湖北省农业农村厅', expectedExhibitors: 800, preTraining: '地理标志与农产品商标保护培训', notes: null,
  }, ctxOf(admin));
  for (const [onDate, topic, count] of [[addDays(today, -62), '地理标志使用', 21], [addDays(today, -61), '农产品商标注册', 17], [addDays(today, -60), '植物新品种权', 6]] as [string, string, number][]) {
    await tallyConsultations(deps, clerk, fair, { onDate, topic, count }, today, ctxOf(clerk));
  }

  const projects = [
    { institutionId: wh, title: '光电子信息产业专利导航', commissionerKind: 'government', commissioner: '武汉东湖新技术开发区管委会', subjectKind: 'industry', subject: '光通信器件与激光加工', kind: 'patent_landscape', purpose: 'public_rnd', partnerAgency: '华中科技大学知识产权信息服务中心', startsOn: addDays(today, -90), dueOn: addDays(today, 60) },
    { institutionId: wh, title: '光模块出口美国自由实施分析', commissionerKind: 'enterprise', commissioner: '武汉某光模块股份有限公司', subjectKind: 'overseas_country', subject: '美国光模块市场', country: 'US', kind: 'freedom_to_operate', purpose: 'trade', partnerAgency: null, startsOn: addDays(today, -40), dueOn: addDays(today, 20) },
    { institutionId: yc, title: '磷化工企业竞争对手专利监测', commissionerKind: 'enterprise', commissioner: '宜昌某化工集团', subjectKind: 'technology', subject: '湿法磷酸净化技术', kind: 'competitor_monitoring', purpose: 'investment', partnerAgency: null, startsOn: addDays(today, -120), dueOn: addDays(today, -10) },
  ] as const;
  for (const p of projects) {
    const pid = await createProject(deps, admin, { ...p, staffIds: p.institutionId === wh ? [handler.userId] : [], expertIds: expert && p.institutionId === wh ? [expert.id] : [] }, ctxOf(admin));
    await addMilestone(deps, admin, pid, { title: '检索策略与数据范围确定', dueOn: addDays(p.startsOn, 20) }, ctxOf(admin));
    await addMilestone(deps, admin, pid, { title: '分析报告初稿', dueOn: addDays(p.startsOn, 60) }, ctxOf(admin));
    const first = await deps.db.selectFrom('analysis_milestones').select('id').where('project_id', '=', pid).orderBy('due_on').executeTakeFirstOrThrow();
    await completeMilestone(deps, admin, pid, first.id, addDays(p.startsOn, 18), ctxOf(admin));
  }
}
