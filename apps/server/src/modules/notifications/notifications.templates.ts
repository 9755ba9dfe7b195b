/**
 * Message templates, Chinese and English, keyed by kind. A template takes a small data object of
 * references (case number, dates, institution name) — never an applicant's name, phone, ID number or
 * address. E-mail subjects are fixed per kind and carry no data at all: subjects are shown in inbox
 * lists and lock screens and travel through mail logs.
 */
export const notificationKinds = [
  'case_submitted',
  'case_accepted',
  'case_declined',
  'supplement_requested',
  'case_assigned',
  'review_requested',
  'review_returned',
  'case_concluded',
  'transfer_received',
  'referral_overdue',
  'deadline_due_soon',
  'deadline_overdue',
  'rating_invitation',
  // case steps (cases/case-notifications.ts)
  'case_new',
  'case_supplemented',
  'case_in_progress',
  'case_reassigned',
  'review_signed_off',
  'case_reopened',
  'case_transferred',
  'transfer_accepted',
  'transfer_returned',
  'case_referred',
  'referral_feedback',
  'case_withdrawn',
  'case_withdrawn_staff',
  'case_suspended',
  'case_resumed',
  // consultations (consultations/consultations.record.ts)
  'consultation_answered',
  // statistical returns (stats/returns.service.ts)
  'return_due',
  'return_submitted',
  'return_returned',
  'return_accepted',
  // risk alerts (alerts/alerts.publish.ts): the text is the alert's own
  'risk_alert',
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

export interface Text {
  zh: string;
  en: string;
}

export interface TemplateData {
  /** The case number (not personal data). */
  caseNo?: string;
  /** A date as YYYY-MM-DD. */
  due?: string;
  /** What the deadline is for, in words (e.g. 受理期限 / acceptance). */
  deadline?: Text;
  institution?: string;
  /** A reason or comment written by staff (decline reason, review comments). */
  note?: string;
  /** A statistical period in words (2026年第三季度). */
  period?: string;
  /** A link the message points to (e.g. the rating link), shown in the body. */
  link?: string;
}

export interface Rendered {
  title: Text;
  body: Text;
  /** The e-mail subject: fixed per kind, no data. */
  subject: Text;
}

type Template = (d: TemplateData) => { title: Text; body: Text };

const no = (d: TemplateData) => d.caseNo ?? '';
const noteZh = (d: TemplateData) => (d.note ? `说明：${d.note}` : '');
const noteEn = (d: TemplateData) => (d.note ? ` Note: ${d.note}` : '');
const deadlineZh = (d: TemplateData) => d.deadline?.zh ?? '办理期限';
const deadlineEn = (d: TemplateData) => d.deadline?.en ?? 'deadline';

const templates: Record<NotificationKind, Template> = {
  return_due: (d) => ({
    title: { zh: `请报送${d.period ?? ''}统计报表`, en: `Statistical return due: ${d.period ?? ''}` },
    body: { zh: `${d.institution ?? ''}${d.period ?? ''}统计报表应于${d.due ?? ''}前报送，目前尚未提交。`, en: `The ${d.period ?? ''} return of ${d.institution ?? ''} is due by ${d.due ?? ''} and has not been submitted.` },
  }),
  return_submitted: (d) => ({
    title: { zh: `统计报表待审核（${d.institution ?? ''}）`, en: `Return to review (${d.institution ?? ''})` },
    body: { zh: `${d.institution ?? ''}已提交${d.period ?? ''}统计报表，请审核。`, en: `${d.institution ?? ''} submitted its ${d.period ?? ''} return for review.` },
  }),
  return_returned: (d) => ({
    title: { zh: `统计报表被退回（${d.period ?? ''}）`, en: `Return sent back (${d.period ?? ''})` },
    body: { zh: `${d.period ?? ''}统计报表已退回修改。${noteZh(d)}`, en: `The ${d.period ?? ''} return was sent back for correction.${noteEn(d)}` },
  }),
  risk_alert: (d) => ({
    title: { zh: `风险预警提示：${d.note ?? ''}`, en: `Risk alert: ${d.note ?? ''}` },
    body: { zh: `${d.institution ?? ''}发布了一条与您关注的国家（地区）或行业有关的风险预警提示，请登录查看应对建议。`, en: `${d.institution ?? ''} published a risk alert for a country or industry you follow; sign in to read what to do.` },
  }),
  return_accepted: (d) => ({
    title: { zh: `统计报表已通过（${d.period ?? ''}）`, en: `Return accepted (${d.period ?? ''})` },
    body: { zh: `${d.period ?? ''}统计报表已审核通过并锁定。`, en: `The ${d.period ?? ''} return was accepted and is now locked.` },
  }),
  case_submitted: (d) => ({
    title: { zh: `援助申请已提交（${no(d)}）`, en: `Application submitted (${no(d)})` },
    body: {
      zh: `您的维权援助申请已提交，案件编号 ${no(d)}。受理机构将在规定期限内答复。`,
      en: `Your application for assistance has been submitted as case ${no(d)}. The institution will answer within the time limit.`,
    },
  }),
  case_accepted: (d) => ({
    title: { zh: `案件已受理（${no(d)}）`, en: `Case accepted (${no(d)})` },
    body: {
      zh: `案件 ${no(d)} 已由${d.institution ?? '援助机构'}受理，我们将尽快安排办理。`,
      en: `Case ${no(d)} has been accepted by ${d.institution ?? 'the institution'} and will be assigned shortly.`,
    },
  }),
  case_declined: (d) => ({
    title: { zh: `案件不予受理（${no(d)}）`, en: `Case declined (${no(d)})` },
    body: {
      zh: `很抱歉，案件 ${no(d)} 不予受理。${noteZh(d)}`,
      en: `We are sorry: case ${no(d)} was declined.${noteEn(d)}`,
    },
  }),
  supplement_requested: (d) => ({
    title: { zh: `请补充材料（${no(d)}）`, en: `More material needed (${no(d)})` },
    body: {
      zh: `案件 ${no(d)} 需要您补充材料${d.due ? `，请于 ${d.due} 前提交` : ''}。${noteZh(d)}`,
      en: `Case ${no(d)} needs more material from you${d.due ? `, by ${d.due}` : ''}.${noteEn(d)}`,
    },
  }),
  case_assigned: (d) => ({
    title: { zh: `新分派案件（${no(d)}）`, en: `Case assigned to you (${no(d)})` },
    body: { zh: `案件 ${no(d)} 已分派给您办理。`, en: `Case ${no(d)} has been assigned to you.` },
  }),
  review_requested: (d) => ({
    title: { zh: `待审核（${no(d)}）`, en: `Review requested (${no(d)})` },
    body: { zh: `案件 ${no(d)} 的意见已提交，请审核。`, en: `An opinion on case ${no(d)} awaits your review.` },
  }),
  review_returned: (d) => ({
    title: { zh: `审核退回（${no(d)}）`, en: `Returned by the reviewer (${no(d)})` },
    body: { zh: `案件 ${no(d)} 的意见被退回修改。${noteZh(d)}`, en: `The opinion on case ${no(d)} was returned for changes.${noteEn(d)}` },
  }),
  case_concluded: (d) => ({
    title: { zh: `案件已办结（${no(d)}）`, en: `Case concluded (${no(d)})` },
    body: { zh: `案件 ${no(d)} 已办结，可在案件页面查看和下载文书。`, en: `Case ${no(d)} is concluded; its documents are on the case page.` },
  }),
  transfer_received: (d) => ({
    title: { zh: `收到移交案件（${no(d)}）`, en: `Case transferred to you (${no(d)})` },
    body: {
      zh: `${d.institution ?? '其他机构'}向本机构移交了案件 ${no(d)}，请确认接收或退回。`,
      en: `${d.institution ?? 'Another institution'} transferred case ${no(d)} to your institution: accept it or send it back.`,
    },
  }),
  referral_overdue: (d) => ({
    title: { zh: `转交反馈逾期（${no(d)}）`, en: `Referral reply overdue (${no(d)})` },
    body: {
      zh: `案件 ${no(d)} 转交外部单位后${d.due ? `应于 ${d.due} 前` : ''}反馈，目前尚未收到，请跟进。`,
      en: `The body case ${no(d)} was referred to has not replied${d.due ? ` (expected by ${d.due})` : ''}; please follow up.`,
    },
  }),
  deadline_due_soon: (d) => ({
    title: { zh: `期限将至（${no(d)}）`, en: `Deadline soon (${no(d)})` },
    body: {
      zh: `案件 ${no(d)} 的${deadlineZh(d)}将于 ${d.due ?? ''} 届满，请及时办理。`,
      en: `The ${deadlineEn(d)} of case ${no(d)} falls on ${d.due ?? ''}.`,
    },
  }),
  deadline_overdue: (d) => ({
    title: { zh: `已逾期（${no(d)}）`, en: `Deadline passed (${no(d)})` },
    body: {
      zh: `案件 ${no(d)} 的${deadlineZh(d)}已于 ${d.due ?? ''} 届满，请尽快处理。`,
      en: `The ${deadlineEn(d)} of case ${no(d)} passed on ${d.due ?? ''}.`,
    },
  }),
  rating_invitation: (d) => ({
    title: { zh: `请评价本次服务（${no(d)}）`, en: `Please rate our service (${no(d)})` },
    body: {
      zh: `案件 ${no(d)} 已办结，欢迎对本次维权援助服务进行评价。${d.link ? `评价链接：${d.link}` : ''}`,
      en: `Case ${no(d)} is concluded. Please tell us how we did.${d.link ? ` Rate here: ${d.link}` : ''}`,
    },
  }),
  case_new: (d) => ({
    title: { zh: `新案件待受理（${no(d)}）`, en: `New case to decide on (${no(d)})` },
    body: { zh: `收到新案件 ${no(d)}，请在受理时限内作出受理决定。`, en: `Case ${no(d)} has come in; decide on acceptance within the time limit.` },
  }),
  case_supplemented: (d) => ({
    title: { zh: `申请人已补正材料（${no(d)}）`, en: `Material supplied (${no(d)})` },
    body: { zh: `案件 ${no(d)} 的申请人已提交补正材料，期限恢复计算。`, en: `The applicant of case ${no(d)} has supplied the material; the time limit runs again.` },
  }),
  case_in_progress: (d) => ({
    title: { zh: `案件开始办理（${no(d)}）`, en: `Work has started (${no(d)})` },
    body: { zh: `您的案件 ${no(d)} 已开始办理。`, en: `Work on your case ${no(d)} has started.` },
  }),
  case_reassigned: (d) => ({
    title: { zh: `案件已改派（${no(d)}）`, en: `Case reassigned (${no(d)})` },
    body: { zh: `案件 ${no(d)} 已改由他人承办。${noteZh(d)}`, en: `Case ${no(d)} has been reassigned to another handler.${noteEn(d)}` },
  }),
  review_signed_off: (d) => ({
    title: { zh: `意见已签发（${no(d)}）`, en: `Opinion signed off (${no(d)})` },
    body: { zh: `案件 ${no(d)} 的意见已审核签发，可以办结。${noteZh(d)}`, en: `The opinion on case ${no(d)} is signed off; the case can be concluded.${noteEn(d)}` },
  }),
  case_reopened: (d) => ({
    title: { zh: `案件重新办理（${no(d)}）`, en: `Case reopened (${no(d)})` },
    body: { zh: `案件 ${no(d)} 已重新办理。${noteZh(d)}`, en: `Case ${no(d)} has been reopened.${noteEn(d)}` },
  }),
  case_transferred: (d) => ({
    title: { zh: `案件已移交（${no(d)}）`, en: `Case transferred (${no(d)})` },
    body: {
      zh: `您的案件 ${no(d)} 已移交${d.institution ?? '其他维权援助机构'}办理，接收后将另行通知。`,
      en: `Your case ${no(d)} has been transferred to ${d.institution ?? 'another institution'}; you will hear when it is taken over.`,
    },
  }),
  transfer_accepted: (d) => ({
    title: { zh: `移交已接收（${no(d)}）`, en: `Transfer accepted (${no(d)})` },
    body: { zh: `${d.institution ?? '接收机构'}已接收移交的案件 ${no(d)}。`, en: `${d.institution ?? 'The receiving institution'} has taken over case ${no(d)}.` },
  }),
  transfer_returned: (d) => ({
    title: { zh: `移交被退回（${no(d)}）`, en: `Transfer returned (${no(d)})` },
    body: {
      zh: `${d.institution ?? '接收机构'}退回了移交的案件 ${no(d)}，案件回到本机构。${noteZh(d)}`,
      en: `${d.institution ?? 'The receiving institution'} sent case ${no(d)} back; it is with your institution again.${noteEn(d)}`,
    },
  }),
  case_referred: (d) => ({
    title: { zh: `案件已转办（${no(d)}）`, en: `Case referred (${no(d)})` },
    body: { zh: `您的案件 ${no(d)} 已转有关部门处理，我们将跟踪反馈情况。`, en: `Your case ${no(d)} has been referred to the competent body; we will follow its reply.` },
  }),
  referral_feedback: (d) => ({
    title: { zh: `转办已反馈（${no(d)}）`, en: `Referral answered (${no(d)})` },
    body: { zh: `案件 ${no(d)} 的转办单位已反馈，请继续办理。`, en: `The body case ${no(d)} was referred to has replied; the case is back with you.` },
  }),
  case_withdrawn: (d) => ({
    title: { zh: `申请已撤回（${no(d)}）`, en: `Application withdrawn (${no(d)})` },
    body: { zh: `您已撤回案件 ${no(d)} 的援助申请，案件不再办理。`, en: `You have withdrawn case ${no(d)}; it is closed.` },
  }),
  case_withdrawn_staff: (d) => ({
    title: { zh: `申请人撤回申请（${no(d)}）`, en: `Applicant withdrew (${no(d)})` },
    body: { zh: `申请人已撤回案件 ${no(d)}，相关期限已停止。`, en: `The applicant withdrew case ${no(d)}; its time limits have stopped.` },
  }),
  case_suspended: (d) => ({
    title: { zh: `案件中止办理（${no(d)}）`, en: `Case suspended (${no(d)})` },
    body: { zh: `案件 ${no(d)} 已中止办理，期限暂停计算。${noteZh(d)}`, en: `Case ${no(d)} is suspended; its time limits are paused.${noteEn(d)}` },
  }),
  case_resumed: (d) => ({
    title: { zh: `案件恢复办理（${no(d)}）`, en: `Case resumed (${no(d)})` },
    body: { zh: `案件 ${no(d)} 已恢复办理，期限继续计算。`, en: `Work on case ${no(d)} has resumed; its time limits run again.` },
  }),
  consultation_answered: () => ({
    title: { zh: '您的咨询已答复', en: 'Your question has been answered' },
    body: {
      zh: '工作人员已答复您在线提交的咨询，请登录门户“我的咨询”查看，如有疑问可继续追问。',
      en: 'Staff have answered the question you asked online. Read it under "My consultations" on the portal; you can ask a follow-up there.',
    },
  }),
};

const subjects: Record<NotificationKind, Text> = {
  case_submitted: { zh: '援助申请已提交', en: 'Application submitted' },
  case_accepted: { zh: '案件已受理', en: 'Case accepted' },
  case_declined: { zh: '案件受理结果', en: 'Decision on your application' },
  supplement_requested: { zh: '请补充材料', en: 'More material needed' },
  case_assigned: { zh: '新分派案件', en: 'Case assigned to you' },
  review_requested: { zh: '待审核意见', en: 'Review requested' },
  review_returned: { zh: '意见被退回', en: 'Opinion returned' },
  case_concluded: { zh: '案件已办结', en: 'Case concluded' },
  transfer_received: { zh: '收到移交案件', en: 'Case transferred to you' },
  referral_overdue: { zh: '转交反馈逾期', en: 'Referral reply overdue' },
  deadline_due_soon: { zh: '期限将至提醒', en: 'Deadline reminder' },
  deadline_overdue: { zh: '逾期提醒', en: 'Overdue reminder' },
  rating_invitation: { zh: '服务评价邀请', en: 'Please rate our service' },
  case_new: { zh: '新案件待受理', en: 'New case' },
  case_supplemented: { zh: '补正材料已提交', en: 'Material supplied' },
  case_in_progress: { zh: '案件开始办理', en: 'Work has started' },
  case_reassigned: { zh: '案件已改派', en: 'Case reassigned' },
  review_signed_off: { zh: '意见已签发', en: 'Opinion signed off' },
  case_reopened: { zh: '案件重新办理', en: 'Case reopened' },
  case_transferred: { zh: '案件已移交', en: 'Case transferred' },
  transfer_accepted: { zh: '移交已接收', en: 'Transfer accepted' },
  transfer_returned: { zh: '移交被退回', en: 'Transfer returned' },
  case_referred: { zh: '案件已转办', en: 'Case referred' },
  referral_feedback: { zh: '转办已反馈', en: 'Referral answered' },
  case_withdrawn: { zh: '申请已撤回', en: 'Application withdrawn' },
  case_withdrawn_staff: { zh: '申请人撤回申请', en: 'Application withdrawn' },
  case_suspended: { zh: '案件中止办理', en: 'Case suspended' },
  case_resumed: { zh: '案件恢复办理', en: 'Case resumed' },
  consultation_answered: { zh: '咨询已答复', en: 'Question answered' },
  return_due: { zh: '统计报表报送提醒', en: 'Statistical return due' },
  return_submitted: { zh: '统计报表待审核', en: 'Return to review' },
  return_returned: { zh: '统计报表被退回', en: 'Return sent back' },
  return_accepted: { zh: '统计报表已通过', en: 'Return accepted' },
  risk_alert: { zh: '风险预警提示', en: 'Risk alert' },
};

export const isNotificationKind = (k: string): k is NotificationKind => (notificationKinds as readonly string[]).includes(k);

export function renderTemplate(kind: NotificationKind, data: TemplateData = {}): Rendered {
  const { title, body } = templates[kind](data);
  const trim = (t: Text): Text => ({ zh: t.zh.trim(), en: t.en.trim() });
  return { title: trim(title), body: trim(body), subject: subjectFor(kind) };
}

/** The e-mail subject of a kind: 【援知】 + fixed words, both languages, never any data. */
export function subjectFor(kind: string): Text {
  const s = isNotificationKind(kind) ? subjects[kind] : { zh: '新通知', en: 'New notification' };
  return { zh: `【援知】${s.zh}`, en: `[Yuanzhi] ${s.en}` };
}
