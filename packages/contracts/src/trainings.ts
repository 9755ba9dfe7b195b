import { valuesOf, type Labelled } from './enums.ts';

/** Enumerations of trainings, publicity activities and risk alerts (docs/api-trainings.md); labels as in the glossary. */

export const trainingTopics = [
  { value: 'ip_basics', zh: '知识产权基础', en: 'IP basics' },
  { value: 'patent_search', zh: '专利检索与分析', en: 'Patent search and analysis' },
  { value: 'litigation', zh: '维权诉讼', en: 'Litigation' },
  { value: 'pledge_financing', zh: '质押融资', en: 'Pledge financing' },
  { value: 'overseas_disputes', zh: '海外纠纷应对', en: 'Overseas dispute response' },
  { value: 'high_value_patents', zh: '高价值专利培育', en: 'High-value patents' },
  { value: 'trademarks_brands', zh: '商标品牌', en: 'Trademarks and brands' },
  { value: 'trade_secrets', zh: '商业秘密保护', en: 'Trade secrets' },
  { value: 'compliance', zh: '企业知识产权合规', en: 'IP compliance' },
  { value: 'other', zh: '其他', en: 'Other' },
] as const satisfies readonly Labelled[];
export const trainingTopicValues = valuesOf(trainingTopics);

export const trainingModes = [
  { value: 'offline', zh: '线下', en: 'In person' },
  { value: 'online', zh: '线上', en: 'Online' },
  { value: 'hybrid', zh: '线上线下结合', en: 'Hybrid' },
] as const satisfies readonly Labelled[];
export const trainingModeValues = valuesOf(trainingModes);

export const trainingStates = [
  { value: 'draft', zh: '草稿', en: 'Draft' },
  { value: 'published', zh: '报名中', en: 'Published' },
  { value: 'held', zh: '已举办', en: 'Held' },
  { value: 'closed', zh: '已结束', en: 'Closed' },
] as const satisfies readonly Labelled[];
export const trainingStateValues = valuesOf(trainingStates);

export const registrationStatuses = [
  { value: 'confirmed', zh: '报名成功', en: 'Confirmed' },
  { value: 'waitlisted', zh: '候补', en: 'Waiting list' },
  { value: 'cancelled', zh: '已取消', en: 'Cancelled' },
] as const satisfies readonly Labelled[];
export const registrationStatusValues = valuesOf(registrationStatuses);

export const outreachKinds = [
  { value: 'ip_day', zh: '4·26 知识产权宣传周', en: 'World IP Day week' },
  { value: 'lecture', zh: '普法讲座', en: 'Public lecture' },
  { value: 'campaign', zh: '专项宣传', en: 'Campaign' },
  { value: 'exhibition_booth', zh: '展会宣传', en: 'Exhibition booth' },
  { value: 'media_release', zh: '媒体报道', en: 'Media release' },
  { value: 'other', zh: '其他', en: 'Other' },
] as const satisfies readonly Labelled[];
export const outreachKindValues = valuesOf(outreachKinds);

export const outreachChannels = [
  { value: 'on_site', zh: '现场', en: 'On site' },
  { value: 'wechat', zh: '微信公众号', en: 'WeChat account' },
  { value: 'short_video', zh: '短视频', en: 'Short video' },
  { value: 'tv_radio', zh: '广播电视', en: 'TV and radio' },
  { value: 'newspaper', zh: '报刊', en: 'Newspaper' },
  { value: 'website', zh: '网站', en: 'Website' },
  { value: 'other', zh: '其他', en: 'Other' },
] as const satisfies readonly Labelled[];
export const outreachChannelValues = valuesOf(outreachChannels);

export const riskKinds = [
  { value: 'litigation', zh: '诉讼风险', en: 'Litigation' },
  { value: 'customs_seizure', zh: '海关扣押', en: 'Customs seizure' },
  { value: 'exhibition_complaint', zh: '展会投诉', en: 'Complaint at a trade show' },
  { value: 'trademark_squatting', zh: '商标抢注', en: 'Trademark squatting' },
  { value: 'platform_takedown', zh: '电商平台下架', en: 'Platform takedown' },
  { value: 'policy_change', zh: '法规政策变化', en: 'Change of law or policy' },
  { value: 'other', zh: '其他', en: 'Other' },
] as const satisfies readonly Labelled[];
export const riskKindValues = valuesOf(riskKinds);

/** Countries and regions offered for alerts and subscriptions (ISO 3166 two-letter codes; others may be typed). */
export const alertCountries = [
  { value: 'US', zh: '美国', en: 'United States' },
  { value: 'EU', zh: '欧盟', en: 'European Union' },
  { value: 'DE', zh: '德国', en: 'Germany' },
  { value: 'GB', zh: '英国', en: 'United Kingdom' },
  { value: 'FR', zh: '法国', en: 'France' },
  { value: 'JP', zh: '日本', en: 'Japan' },
  { value: 'KR', zh: '韩国', en: 'South Korea' },
  { value: 'IN', zh: '印度', en: 'India' },
  { value: 'VN', zh: '越南', en: 'Vietnam' },
  { value: 'TH', zh: '泰国', en: 'Thailand' },
  { value: 'ID', zh: '印度尼西亚', en: 'Indonesia' },
  { value: 'BR', zh: '巴西', en: 'Brazil' },
  { value: 'RU', zh: '俄罗斯', en: 'Russia' },
  { value: 'AE', zh: '阿联酋', en: 'United Arab Emirates' },
  { value: 'CN', zh: '中国（境内）', en: 'China (domestic)' },
] as const satisfies readonly Labelled[];
