import type { CasePayload } from '@yuanzhi/domain';

/** What happens to each demo case, step by step (user names of demo accounts; handler ids by user name). */
export interface Step {
  by: string;
  /** A case event, or 'followUp': the follow-up visit recorded done (payload: method, satisfaction, notes). */
  event: string;
  payload?: CasePayload & Record<string, unknown>;
  afterDays?: number;
}
export interface DemoCaseScript {
  key: string;
  startAfterDays: number;
  /** Filed in the portal by the demo applicant at this institution (else registered by a clerk). */
  byApplicant?: string;
  registeredBy?: string;
  input: Record<string, unknown>;
  steps: Step[];
  /** The handler's composed infringement assessment opinion (case_outcomes), recorded before the review. */
  opinion?: Record<string, unknown>;
}

const WH = '武汉市知识产权维权援助中心';
const YC = '宜昌市知识产权维权援助中心';
const company = (name: string, phone: string, extra: Record<string, unknown> = {}) => ({
  kind: 'legal_person', name, phone, enterpriseSize: 'small', enterpriseTags: [], ...extra,
});
const person = (name: string, phone: string) => ({ kind: 'natural_person', name, phone, enterpriseTags: [] });
const base = (over: Record<string, unknown>) => ({
  channel: 'walk_in', opposingParties: [], overseas: false, request: '请求提供维权援助', evidenceIds: [], ...over,
});
const handle = (extra: Step[] = []): Step[] => [
  { by: 'wh_clerk', event: 'accept' },
  { by: 'hb_admin', event: 'assign', payload: { handlerId: 'wh_handler' } },
  { by: 'wh_handler', event: 'start' },
  ...extra,
];

export const demoCaseScripts: DemoCaseScript[] = [
  { key: 'draft', startAfterDays: 0, byApplicant: WH, input: base({ channel: 'online', applicant: company('武汉光谷微电子有限公司', '13800138000', { email: 'applicant@example.com', enterpriseTags: ['specialised_innovative'] }), ipType: 'ic_layout', services: ['infringement_opinion'], summary: '（草稿）发现某公司芯片布图与我司登记的布图设计高度相似' }), steps: [] },
  { key: 'withdrawn', startAfterDays: 1, byApplicant: WH, input: base({ channel: 'online', applicant: company('武汉光谷微电子有限公司', '13800138000', { email: 'applicant@example.com' }), ipType: 'trademark', services: ['consultation'], summary: '商标被抢注，咨询异议程序' }), steps: [{ by: 'applicant', event: 'submit' }, { by: 'applicant', event: 'withdraw', payload: { reason: '已与对方协商解决' } }] },
  { key: 'concluded', startAfterDays: 1, input: base({ applicant: company('武汉楚天机械制造有限公司', '13911110001', { enterpriseSize: 'medium' }), opposingParties: [company('某五金经营部', '13911110002')], ipType: 'patent', ipNumber: 'ZL202120000001.2', services: ['infringement_opinion'], field: 'manufacturing', summary: '对方销售的夹具疑似落入我司实用新型专利保护范围' }),
    opinion: {
      conclusion: 'likely', comparedWhat: '权利要求1',
      compared: [
        { item: '特征A', protected: '夹具本体设有燕尾形导槽', accused: '夹具本体设有燕尾形导槽', finding: '相同' },
        { item: '特征B', protected: '锁紧件为偏心凸轮', accused: '锁紧件为偏心轮', finding: '等同' },
      ],
      reasoning: ['被诉夹具包含与权利要求1记载的全部技术特征相同或者等同的技术特征，落入涉案专利权的保护范围。'],
      experts: ['吴教授（机械工程）'],
    },
    steps: handle([{ by: 'wh_handler', event: 'submitForReview', afterDays: 6 }, { by: 'wh_reviewer', event: 'signOff', afterDays: 2 }, { by: 'wh_handler', event: 'conclude', payload: { result: '出具侵权判定参考意见：很可能构成侵权' } }]) },
  { key: 'archived', startAfterDays: 1, registeredBy: 'wh_clerk', input: base({ channel: 'hotline', applicant: person('李女士', '13911110003'), ipType: 'copyright', services: ['consultation'], field: 'culture_media', summary: '摄影作品被公众号未经许可使用' }), steps: handle([{ by: 'wh_handler', event: 'conclude', payload: { result: '已提供维权指导：固定证据、发函、投诉' }, afterDays: 3 }, { by: 'wh_handler', event: 'followUp', payload: { method: 'phone', satisfaction: 5, notes: '对方已删除侵权内容，申请人满意' }, afterDays: 8 }, { by: 'wh_clerk', event: 'archive', afterDays: 4 }]) },
  { key: 'declined', startAfterDays: 2, input: base({ channel: 'email', applicant: person('王先生', '13911110004'), ipType: 'trademark', services: ['mediation'], summary: '与合伙人之间的股权纠纷' }), steps: [{ by: 'wh_clerk', event: 'decline', payload: { reason: '不属于知识产权纠纷，建议向人民法院起诉' } }] },
  { key: 'awaiting_supplement', startAfterDays: 3, input: base({ channel: 'exhibition', applicant: company('湖北楚韵茶业有限公司', '13911110005'), ipType: 'geographical_indication', services: ['consultation', 'mediation'], field: 'trade_fair', summary: '展会上有企业使用“恩施玉露”地理标志' }), steps: [{ by: 'wh_clerk', event: 'requestSupplement', payload: { reason: '请提供地理标志使用授权证明及现场照片' } }] },
  { key: 'under_review', startAfterDays: 3, input: base({ applicant: company('武汉智行软件有限公司', '13911110006'), opposingParties: [company('某科技公司', '13911110007')], ipType: 'copyright', services: ['infringement_opinion'], field: 'software_internet', summary: '前员工离职后发布的软件与我司源代码高度相似' }), steps: handle([{ by: 'wh_handler', event: 'submitForReview', afterDays: 5 }]) },
  { key: 'referred', startAfterDays: 2, input: base({ applicant: company('武汉汉正服饰有限公司', '13911110008'), ipType: 'trademark', services: ['mediation'], field: 'wholesale_market', summary: '市场内多家商户销售假冒我司注册商标的服装' }), steps: handle([{ by: 'wh_handler', event: 'refer', payload: { body: 'administrative_enforcement', reason: '涉嫌商标侵权，转市场监管部门查处' } }]) },
  { key: 'suspended', startAfterDays: 2, input: base({ applicant: company('武汉江城生物科技有限公司', '13911110009'), ipType: 'patent', services: ['warning_analysis'], field: 'biomedicine', summary: '拟出口产品的专利风险分析' }), steps: handle([{ by: 'wh_handler', event: 'suspend', payload: { reason: '申请人正在补充技术资料，暂停办理' } }]) },
  { key: 'transferred', startAfterDays: 2, input: base({ applicant: company('宜昌三峡柑橘合作社', '13911110010'), ipType: 'geographical_indication', services: ['consultation'], field: 'agriculture', summary: '“秭归脐橙”地理标志被外地商户冒用' }), steps: [{ by: 'wh_clerk', event: 'transfer', payload: { toInstitutionId: YC, reason: '属地在宜昌，移交宜昌中心办理' } }] },
  { key: 'yc_in_progress', startAfterDays: 1, input: base({ applicant: company('宜昌磷化工有限公司', '13911110011'), ipType: 'trade_secret', services: ['consultation'], field: 'manufacturing', summary: '核心工艺参数疑被离职员工带到竞争对手' }), steps: [{ by: 'wh_clerk', event: 'transfer', payload: { toInstitutionId: YC, reason: '企业在宜昌' } }, { by: 'hb_admin', event: 'acceptTransfer' }, { by: 'hb_admin', event: 'assign', payload: { handlerId: 'yc_handler' } }, { by: 'yc_handler', event: 'start' }] },
  { key: 'assigned', startAfterDays: 4, input: base({ channel: 'hotline', applicant: company('武汉光谷激光有限公司', '13911110012', { enterpriseTags: ['little_giant'] }), overseas: true, country: 'DE', ipType: 'patent', services: ['overseas_guidance'], field: 'import_export', summary: '在德国展会上被诉专利侵权，请求应对指导' }), steps: [{ by: 'wh_clerk', event: 'accept', payload: { track: 'fast' } }, { by: 'hb_admin', event: 'assign', payload: { handlerId: 'wh_handler' } }] },
  { key: 'accepted', startAfterDays: 5, input: base({ channel: 'walk_in', applicant: person('赵先生', '13911110013'), ipType: 'plant_variety', services: ['consultation'], field: 'agriculture', summary: '自育的水稻品种被他人繁育销售' }), steps: [{ by: 'wh_clerk', event: 'accept' }] },
  { key: 'submitted', startAfterDays: 6, input: base({ channel: 'email', applicant: company('武汉东湖电商有限公司', '13911110014'), ipType: 'trademark', services: ['consultation', 'mediation'], field: 'e_commerce', summary: '电商平台上有店铺使用近似商标' }), steps: [] },
  { key: 'in_progress', startAfterDays: 3, input: base({ applicant: company('武汉长江食品有限公司', '13911110015'), ipType: 'trademark', services: ['mediation'], field: 'e_commerce', summary: '网店使用我司商标作为搜索关键词' }), steps: handle() },
];
