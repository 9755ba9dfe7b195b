import { creditCodeCheckChar, idNumberCheckChar } from '@yuanzhi/domain';
import type { Kysely } from 'kysely';
import type { Deps } from '../platform/deps.ts';
import { keyEnterpriseDef } from '../modules/key-enterprises/key-enterprises.def.ts';
import { overseasDef } from '../modules/overseas/overseas.def.ts';
import { partnerDef } from '../modules/partners/partners.def.ts';
import type { RegistryDef } from '../modules/registries/registry.def.ts';
import { volunteerTeamDef } from '../modules/volunteers/volunteer-teams.def.ts';
import { volunteerDef } from '../modules/volunteers/volunteers.def.ts';

/**
 * Demo rows of the registries for the Hubei network: partner organisations of every kind, key enterprises with their
 * liaison and contact log, volunteer teams hosted by universities and an association with members and service hours,
 * and the four overseas libraries. Names are illustrative; codes carry valid check digits.
 */
const homes = { hb: '湖北省知识产权维权援助中心', wh: '武汉市知识产权维权援助中心', yc: '宜昌市知识产权维权援助中心' } as const;
type At = keyof typeof homes;
const code = (n: number, kind = '12') => { const f = `${kind}4201${String(100 + n).padStart(3, '0')}MB${String(n).padStart(7, '0')}`.slice(0, 17); return f + creditCodeCheckChar(f); };
const ent = (n: number) => { const f = `914201${String(n).padStart(2, '0')}MA4K${String(1000 + n)}Q`.slice(0, 17); return f + creditCodeCheckChar(f); };
const idn = (n: number) => { const f = `42010620000101${String(n).padStart(3, '0')}`; return f + idNumberCheckChar(f); };

const partners: [At, Record<string, unknown>][] = [
  ['hb', { name: '华中科技大学知识产权研究中心', kind: 'university', provides: ['experts', 'training', 'volunteers'], signedOn: '2024-03-15', validUntil: '2027-03-14', contacts: [{ name: '陈老师', title: '中心主任', phone: '13907100101' }] }],
  ['hb', { name: '中南财经政法大学知识产权学院', kind: 'university', provides: ['experts', 'training', 'volunteers', 'consultation'], signedOn: '2023-09-01', validUntil: '2026-08-31', contacts: [{ name: '刘老师', title: '副院长', phone: '13907100102' }] }],
  ['hb', { name: '湖北省知识产权研究会', kind: 'professional_society', provides: ['training', 'experts'], signedOn: '2025-01-10', validUntil: '2028-01-09' }],
  ['hb', { name: '湖北省律师协会知识产权专业委员会', kind: 'industry_association', provides: ['legal_service', 'mediation'], signedOn: '2024-06-01', validUntil: '2027-05-31', contacts: [{ name: '周律师', title: '主任', phone: '13907100103' }] }],
  ['hb', { name: '湖北省高级人民法院知识产权审判庭', kind: 'court', provides: ['case_referral', 'training'], signedOn: '2024-04-26' }],
  ['wh', { name: '武汉仲裁委员会', kind: 'arbitration_body', provides: ['arbitration', 'mediation', 'case_referral'], signedOn: '2024-11-01', validUntil: '2026-10-31' }],
  ['wh', { name: '武汉市知识产权纠纷人民调解委员会', kind: 'mediation_committee', provides: ['mediation'], signedOn: '2023-05-20', validUntil: '2026-05-19', contacts: [{ name: '孙主任', phone: '13907100104' }] }],
  ['wh', { name: '湖北楚天律师事务所', kind: 'law_firm', provides: ['legal_service', 'infringement_opinion'], signedOn: '2025-02-01', validUntil: '2027-01-31' }],
  ['wh', { name: '武汉东湖知识产权代理有限公司', kind: 'ip_agency', provides: ['consultation', 'technical_assessment'], signedOn: '2025-03-01', validUntil: '2026-02-28' }],
  ['wh', { name: '中国科学院武汉文献情报中心', kind: 'research_institute', provides: ['technical_assessment', 'training'] }],
  ['wh', { name: '武汉市市场监督管理局', kind: 'government_body', provides: ['case_referral'] }],
  ['yc', { name: '三峡大学法学与公共管理学院', kind: 'university', provides: ['volunteers', 'training'], signedOn: '2025-04-01', validUntil: '2028-03-31' }],
  ['yc', { name: '宜昌市电子商务协会', kind: 'industry_association', provides: ['training', 'venue'], signedOn: '2025-05-12', validUntil: '2027-05-11' }],
];

const enterprises: [At, string, Record<string, unknown>, [string, string, string, string?][]][] = [
  ['wh', 'wh_handler', { name: '武汉光谷激光股份有限公司', size: 'medium', tags: ['specialised_innovative', 'little_giant', 'exporter'], industry: 'manufacturing', contactName: '林经理', contactPhone: '13607100201' },
    [['contact', '-60', '走访了解德国展会参展计划'], ['service', '-20', '出具海外参展知识产权风险提示', 'warning_analysis']]],
  ['wh', 'wh_handler', { name: '武汉长江食品有限公司', size: 'small', tags: ['key_enterprise'], industry: 'e_commerce', contactName: '马总监' },
    [['service', '-35', '指导网店商标侵权投诉', 'consultation']]],
  ['wh', 'wh_handler', { name: '武汉华星显示科技有限公司', size: 'large', tags: ['high_tech', 'exporter'], industry: 'manufacturing' }, [['contact', '-10', '电话回访专利布局需求']]],
  ['wh', 'wh_handler', { name: '武汉汉正服饰有限责任公司', size: 'small', tags: [], industry: 'wholesale_market' }, []],
  ['hb', 'hb_admin', { name: '湖北楚天生物医药有限公司', size: 'medium', tags: ['specialised_innovative', 'high_tech'], industry: 'biomedicine' }, [['contact', '-45', '座谈商业秘密保护制度']]],
  ['hb', 'hb_admin', { name: '湖北荆楚农业科技有限公司', size: 'small', tags: ['specialised_innovative'], industry: 'agriculture' }, []],
  ['yc', 'yc_handler', { name: '宜昌三峡精细化工有限公司', size: 'medium', tags: ['little_giant', 'exporter'], industry: 'manufacturing' }, [['service', '-15', '海外专利纠纷应对指导', 'overseas_guidance']]],
  ['yc', 'yc_handler', { name: '宜昌秭归脐橙合作社', size: 'micro', tags: [], industry: 'agriculture' }, [['contact', '-5', '地理标志使用规范宣讲']]],
];

const teams: [At, Record<string, unknown>][] = [
  ['hb', { name: '中南财经政法大学知识产权志愿服务队', hostKind: 'university', hostName: '中南财经政法大学', leaderName: '何同学', foundedOn: '2021-04-26' }],
  ['wh', { name: '华中科技大学知识产权志愿服务队', hostKind: 'university', hostName: '华中科技大学', leaderName: '黄同学', foundedOn: '2022-03-01' }],
  ['wh', { name: '武汉律师知识产权公益服务团', hostKind: 'industry_association', hostName: '武汉市律师协会', leaderName: '周律师', foundedOn: '2020-09-10' }],
  ['yc', { name: '三峡大学知识产权志愿服务队', hostKind: 'university', hostName: '三峡大学', leaderName: '蒋同学', foundedOn: '2023-10-15' }],
];

const volunteers: [string, string, string, string[], [number, string, number][]][] = [
  ['中南财经政法大学知识产权志愿服务队', '何晓雨', '中南财经政法大学知识产权学院', ['consultation', 'legal'], [[-40, '4·26知识产权宣传周咨询台', 4], [-12, '展会驻场咨询', 6]]],
  ['中南财经政法大学知识产权志愿服务队', '王一鸣', '中南财经政法大学法学院', ['legal', 'publicity'], [[-40, '4·26知识产权宣传周咨询台', 4]]],
  ['中南财经政法大学知识产权志愿服务队', '李思琪', '中南财经政法大学外国语学院', ['translation'], [[-20, '海外维权资料翻译', 3.5]]],
  ['华中科技大学知识产权志愿服务队', '黄子涵', '华中科技大学法学院', ['patent_search', 'consultation'], [[-30, '企业专利检索辅导', 3], [-8, '案件资料整理', 2.5]]],
  ['华中科技大学知识产权志愿服务队', '张浩然', '华中科技大学机械科学与工程学院', ['patent_search'], [[-30, '企业专利检索辅导', 3]]],
  ['华中科技大学知识产权志愿服务队', '赵雨桐', '华中科技大学', ['data_entry', 'event_support'], [[-3, '公益培训会务', 5]]],
  ['武汉律师知识产权公益服务团', '周律师', '湖北江汉律师事务所', ['legal', 'consultation'], [[-25, '公益法律咨询', 2], [-6, '调解协助', 3]]],
  ['武汉律师知识产权公益服务团', '吴律师', '湖北知本律师事务所', ['legal', 'trademark'], [[-25, '公益法律咨询', 2]]],
  ['三峡大学知识产权志愿服务队', '蒋文博', '三峡大学法学与公共管理学院', ['publicity', 'consultation'], [[-18, '地理标志进乡村宣讲', 4]]],
  ['三峡大学知识产权志愿服务队', '邓佳怡', '三峡大学', ['event_support'], [[-18, '地理标志进乡村宣讲', 4]]],
];

const overseas: [At, Record<string, unknown>][] = [
  ['hb', { kind: 'law', title: '美国专利法（35 U.S.C.）', country: 'US', ipTypes: ['patent'], industries: ['manufacturing', 'import_export'], organisation: '美国国会', sourceUrl: 'https://www.uspto.gov/web/offices/pac/mpep/consolidated_laws.pdf', summary: '侵权、救济与337调查相关条款要点' }],
  ['hb', { kind: 'law', title: '德国专利法（Patentgesetz）', country: 'DE', ipTypes: ['patent'], industries: ['manufacturing', 'exhibition'], organisation: '德国联邦议院', summary: '展会临时禁令的申请条件与应对' }],
  ['hb', { kind: 'law', title: '欧盟商标条例（EU 2017/1001）', country: 'EU', ipTypes: ['trademark'], industries: ['e_commerce', 'import_export'], organisation: '欧洲议会和欧盟理事会', datedOn: '2017-10-01' }],
  ['hb', { kind: 'case', title: '某国内激光企业德国展会专利临时禁令案', country: 'DE', ipTypes: ['patent'], industries: ['exhibition', 'manufacturing'], organisation: '杜塞尔多夫地区法院', summary: '参展前开展专利检索与不侵权分析，准备保护函' }],
  ['hb', { kind: 'case', title: '跨境电商平台商标批量诉讼（TRO）案', country: 'US', ipTypes: ['trademark'], industries: ['e_commerce'], organisation: '美国伊利诺伊州北区联邦地区法院', summary: '账户冻结后的应诉与和解要点' }],
  ['wh', { kind: 'enterprise', title: '武汉光谷激光股份有限公司', country: 'DE', creditCode: ent(1), industries: ['manufacturing', 'import_export'], summary: '激光加工设备，出口德国、美国' }],
  ['yc', { kind: 'enterprise', title: '宜昌三峡精细化工有限公司', country: 'JP', creditCode: ent(7), industries: ['manufacturing'], summary: '精细化工中间体，出口日本、韩国' }],
  ['hb', { kind: 'lawyer', title: 'Dr. Schneider', country: 'DE', organisation: 'Schneider & Partner Patentanwälte', languages: ['de', 'en', 'zh'], ipTypes: ['patent'], summary: '专利侵权诉讼、展会禁令' }],
  ['hb', { kind: 'lawyer', title: 'Emily Chen', country: 'US', organisation: 'Example IP LLP', languages: ['en', 'zh'], ipTypes: ['trademark', 'copyright'], summary: '跨境电商商标与版权纠纷' }],
];

export async function loadDemoRegistries(deps: Deps): Promise<void> {
  const inst = await deps.db.selectFrom('institutions').select(['id', 'name', 'path']).where('name', 'in', Object.values(homes)).execute();
  const at = (a: At) => inst.find((i) => i.name === homes[a])!;
  const accounts = await deps.db.selectFrom('users').select(['id', 'username', 'display_name']).where('username', 'in', ['wh_handler', 'hb_admin', 'yc_handler', 'volunteer_he']).execute();
  const users = new Map(accounts.map((u) => [u.username, u.id]));
  const names = new Map(accounts.map((u) => [u.username, u.display_name]));
  const now = deps.clock.now();
  const day = (offset: number) => new Date(now.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
  const db = deps.db as unknown as Kysely<any>;
  const insert = async (def: RegistryDef, rows: [At, Record<string, unknown>][]) => {
    if (!rows.length) return [] as string[];
    const created = new Date(now.getTime() - 40 * 86_400_000);
    const out = await db.insertInto(def.table).values(rows.map(([a, v]) => ({
      ...def.toColumns(def.createBody.omit({ institutionId: true } as never).parse(v) as Record<string, unknown>, deps.secrets),
      institution_id: at(a).id, institution_path: at(a).path, created_at: created, updated_at: created,
    }))).returning('id').execute();
    return out.map((r) => r.id as string);
  };

  await insert(partnerDef, partners.map(([a, v], i) => [a, { ...v, creditCode: i % 3 === 2 ? null : code(i + 1) }]));
  const entIds = await insert(keyEnterpriseDef, enterprises.map(([a, liaison, v], i) => [a, { ...v, creditCode: ent(i + 1), liaisonUserId: users.get(liaison) ?? null, listedOn: day(-90) }]));
  const logs = enterprises.flatMap(([, liaison, , entries], i) => entries.map(([kind, offset, summary, service]) => ({
    enterprise_id: entIds[i], kind: kind as 'contact' | 'service', happened_on: day(Number(offset)), summary, service: service ?? null,
    created_by: users.get(liaison) ?? null, created_by_name: names.get(liaison) ?? null, created_at: now,
  })));
  if (logs.length) await deps.db.insertInto('key_enterprise_logs').values(logs).execute();

  const teamIds = await insert(volunteerTeamDef, teams);
  const teamOf = new Map(teams.map(([a, v], i) => [v.name as string, { id: teamIds[i], at: a }]));
  const volIds = await insert(volunteerDef, volunteers.map(([team, name, employer, skills], i) => [teamOf.get(team)!.at, {
    teamId: teamOf.get(team)!.id, name, employer, skills, idNumber: idn(i + 1), phone: `1390710${String(300 + i).padStart(4, '0')}`, joinedOn: day(-200),
  }]));
  const he = users.get('volunteer_he');
  if (he) await deps.db.updateTable('volunteers').set({ user_id: he }).where('id', '=', volIds[0]).execute();
  await deps.db.insertInto('volunteer_hours').values(volunteers.flatMap(([team, , , , hours], i) => hours.map(([offset, activity, h]) => {
    const a = at(teamOf.get(team)!.at);
    return { volunteer_id: volIds[i], team_id: teamOf.get(team)!.id, institution_id: a.id, institution_path: a.path, served_on: day(offset), activity, hours: h, created_at: now };
  }))).execute();

  await insert(overseasDef, overseas);
}
