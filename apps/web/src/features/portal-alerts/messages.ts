import type { Dict } from '../../shared/i18n/index.ts';

export const portalAlertMessages = {
  title: ['风险预警', 'Risk alerts'],
  intro: ['海外及重点行业知识产权风险提示。企业账号可在“我的账户”中按国家（地区）和行业订阅，有新预警时站内通知并发送邮件。',
    'IP risk alerts for overseas markets and key industries. Applicant accounts subscribe by country and industry under My account.'],
  none: ['暂无预警', 'No alerts yet'],
  countries: ['国家（地区）', 'Countries or regions'],
  industries: ['行业', 'Industries'],
  riskKind: ['风险类型', 'Kind of risk'],
  advice: ['应对建议', 'What to do'],
  source: ['来源', 'Source'],
  back: ['返回预警列表', 'Back to the alerts'],
  subscription: ['风险预警订阅', 'Risk alert subscription'],
  subscriptionIntro: ['选择关注的国家（地区）和行业；发布的预警与其中任一匹配时通知您。', 'Choose the countries and industries you follow; you are told of alerts that match.'],
  email: ['同时发送邮件', 'Also by e-mail'],
  save: ['保存订阅', 'Save'],
  saved: ['订阅已保存', 'Subscription saved'],
  unsubscribe: ['取消订阅', 'Unsubscribe'],
  unsubscribed: ['已取消订阅', 'Unsubscribed'],
  pickOne: ['请至少选择一个国家（地区）或行业', 'Choose a country or an industry'],
} satisfies Dict;
