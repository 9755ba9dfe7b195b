import type { Deps } from '../platform/deps.ts';
import { toColumns } from '../modules/experts/experts.service.ts';

/**
 * About 25 demo experts of the Hubei network across kinds and fields. Some declared interests name parties of
 * demo cases (武汉长江食品, 武汉光谷激光), so ranking those cases shows recusals. expert_wu's account is linked.
 */
type Demo = [name: string, employer: string, title: string, kinds: string[], ipTypes: string[], services: string[], industries: string[], ipc: string[], at: 'hb' | 'wh' | 'yc', extra?: Record<string, unknown>];

const P = ['patent'];
const TM = ['trademark'];
const demo: Demo[] = [
  ['吴教授', '华中科技大学机械科学与工程学院', '教授', ['technical_expert'], ['patent', 'trademark'], ['infringement_opinion', 'mediation', 'training'], ['manufacturing', 'e_commerce'], ['B23', 'F16'], 'hb', { user: 'expert_wu', regions: ['420000'] }],
  ['陈研究员', '中国科学院武汉病毒研究所', '研究员', ['technical_expert'], P, ['infringement_opinion', 'warning_analysis'], ['biomedicine'], ['C07', 'A61K'], 'hb'],
  ['刘工', '武汉邮电科学研究院', '正高级工程师', ['technical_investigator'], ['patent', 'ic_layout'], ['infringement_opinion'], ['software_internet'], ['H04L', 'G06F'], 'wh'],
  ['杨博士', '武汉大学计算机学院', '副教授', ['technical_expert'], ['patent', 'copyright'], ['infringement_opinion', 'consultation'], ['software_internet'], ['G06F', 'G06N'], 'wh'],
  ['黄律师', '湖北楚天律师事务所', '合伙人', ['lawyer', 'mediator'], ['trademark', 'copyright'], ['mediation', 'consultation'], ['e_commerce', 'culture_media'], [], 'wh', { interests: [{ kind: 'client', name: '武汉长江食品有限责任公司' }] }],
  ['周律师', '湖北江汉律师事务所', '律师', ['lawyer'], ['trademark'], ['mediation', 'consultation', 'infringement_opinion'], ['e_commerce', 'wholesale_market'], [], 'wh'],
  ['孙调解员', '武汉市知识产权纠纷人民调解委员会', '调解员', ['mediator'], ['trademark', 'patent', 'copyright'], ['mediation'], ['e_commerce', 'wholesale_market', 'manufacturing'], [], 'wh'],
  ['郑调解员', '湖北省知识产权纠纷人民调解委员会', '调解员', ['mediator'], ['trademark', 'geographical_indication'], ['mediation'], ['agriculture', 'e_commerce'], [], 'hb', { regions: ['420000'] }],
  ['马律师', '武汉长江食品有限公司', '法务总监', ['lawyer'], TM, ['mediation', 'consultation'], ['e_commerce'], [], 'wh'],
  ['王律师', '湖北知本律师事务所', '律师', ['lawyer', 'mediator'], TM, ['mediation'], ['e_commerce'], [], 'wh', { interests: [{ kind: 'relative', name: '武汉（长江）食品 有限公司' }] }],
  ['何老师', '中南财经政法大学知识产权研究中心', '教授', ['lawyer', 'mediator'], ['trademark', 'copyright', 'trade_secret'], ['mediation', 'training', 'consultation'], ['culture_media', 'e_commerce'], [], 'hb', { regions: ['420000'], availability: 'limited' }],
  ['冯专家', '湖北省农业科学院', '研究员', ['technical_expert'], ['plant_variety', 'geographical_indication'], ['infringement_opinion', 'consultation'], ['agriculture'], ['A01H'], 'hb', { regions: ['420000'] }],
  ['秦专家', '三峡大学', '教授', ['technical_expert'], ['patent', 'trade_secret'], ['infringement_opinion'], ['manufacturing'], ['C01B', 'B01J'], 'yc', { regions: ['420500'] }],
  ['许工', '宜昌船舶柴油机有限公司', '高级工程师', ['technical_investigator'], P, ['infringement_opinion'], ['manufacturing'], ['F02B'], 'yc', { regions: ['420500'] }],
  ['Dr. Schneider', 'Schneider & Partner Patentanwälte', 'Patentanwalt', ['overseas_lawyer'], P, ['overseas_guidance'], ['import_export', 'manufacturing'], ['H01S'], 'hb', { languages: ['de', 'en', 'zh'], jurisdictions: ['DE', 'AT', 'CH'], regions: ['420000'] }],
  ['罗律师', '湖北德衡涉外律师事务所', '律师', ['overseas', 'lawyer'], ['patent', 'trademark'], ['overseas_guidance', 'consultation'], ['import_export'], [], 'hb', { languages: ['en', 'de'], jurisdictions: ['DE', 'US'], regions: ['420000'] }],
  ['林博士', '武汉光谷激光股份有限公司', '首席科学家', ['technical_expert'], P, ['infringement_opinion', 'warning_analysis'], ['manufacturing', 'import_export'], ['H01S'], 'wh'],
  ['袁律师', '湖北海外知识产权服务有限公司', '律师', ['overseas'], ['patent', 'trademark'], ['overseas_guidance', 'warning_analysis'], ['import_export'], [], 'hb', { languages: ['en', 'ja'], jurisdictions: ['US', 'JP'], regions: ['420000'] }],
  ['谢研究员', '湖北省科技信息研究院', '研究员', ['technical_expert'], ['patent'], ['warning_analysis', 'training'], ['biomedicine', 'manufacturing'], ['A61', 'C12N'], 'hb', { regions: ['420000'] }],
  ['韩工', '武汉华星光电技术有限公司', '高级工程师', ['technical_investigator'], ['patent', 'ic_layout'], ['infringement_opinion'], ['manufacturing'], ['G02F', 'H01L'], 'wh', { availability: 'unavailable' }],
  ['曹老师', '湖北美术学院', '副教授', ['technical_expert'], ['copyright', 'trademark'], ['infringement_opinion', 'consultation'], ['culture_media'], [], 'wh'],
  ['邓律师', '武汉东湖律师事务所', '律师', ['lawyer'], ['copyright', 'trade_secret'], ['consultation', 'infringement_opinion'], ['software_internet'], [], 'wh', { interests: [{ kind: 'client', name: '某科技公司' }] }],
  ['彭专家', '湖北省标准化与质量研究院', '高级工程师', ['technical_expert'], ['geographical_indication'], ['consultation', 'warning_analysis'], ['agriculture', 'trade_fair'], [], 'hb', { regions: ['420000'] }],
  ['蒋调解员', '宜昌市知识产权纠纷人民调解委员会', '调解员', ['mediator'], ['trademark', 'geographical_indication'], ['mediation'], ['agriculture'], [], 'yc', { regions: ['420500'] }],
  ['魏律师', '湖北汉正律师事务所', '律师', ['lawyer'], TM, ['mediation', 'consultation'], ['wholesale_market', 'e_commerce'], [], 'wh', { interests: [{ kind: 'employer', name: '武汉汉正服饰有限责任公司' }] }],
];

const homes = { hb: '湖北省知识产权维权援助中心', wh: '武汉市知识产权维权援助中心', yc: '宜昌市知识产权维权援助中心' } as const;

export async function loadDemoExperts(deps: Deps): Promise<number> {
  const inst = await deps.db.selectFrom('institutions').select(['id', 'name', 'path']).where('name', 'in', Object.values(homes)).execute();
  const byName = new Map(inst.map((i) => [i.name, i]));
  const wu = await deps.db.selectFrom('users').select('id').where('username', '=', 'expert_wu').executeTakeFirst();
  const now = new Date(deps.clock.now().getTime() - 30 * 86_400_000);
  const rows = demo.map(([name, employer, title, kinds, ipTypes, services, industries, ipc, at, extra = {}], i) => {
    const home = byName.get(homes[at])!;
    const { user, ...more } = extra as { user?: string } & Record<string, unknown>;
    const expires = new Date(now.getTime() + (i % 5 === 4 ? -40 : 400) * 86_400_000).toISOString().slice(0, 10);
    return {
      ...toColumns({
        name, employer, title, kinds: kinds as never, ipTypes: ipTypes as never, services: services as never, industries: industries as never, ipc,
        regions: [at === 'yc' ? '420500' : '420100'], languages: ['zh'], jurisdictions: [], maxOpen: 3,
        qualifications: [{ name: kinds.includes('lawyer') ? '律师执业证' : kinds.includes('mediator') ? '人民调解员证' : '专家聘书', number: null, expiresOn: expires }],
        ...more,
      } as never, deps.secrets),
      user_id: user && wu ? wu.id : null,
      institution_id: home.id, institution_path: home.path, created_at: now, updated_at: now,
    };
  });
  await deps.db.insertInto('experts').values(rows as never).execute();
  return rows.length;
}
