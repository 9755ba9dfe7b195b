/** The events (actions) that move a case between states. */
export const caseEvents = [
  'submit',
  'requestSupplement',
  'supplement',
  'accept',
  'decline',
  'assign',
  'reassign',
  'start',
  'submitForReview',
  'returnForRework',
  'signOff',
  'conclude',
  'reopen',
  'archive',
  'transfer',
  'acceptTransfer',
  'returnTransfer',
  'refer',
  'recordReferralFeedback',
  'withdraw',
  'suspend',
  'resume',
] as const;
export type CaseEvent = (typeof caseEvents)[number];

export function isCaseEvent(v: string): v is CaseEvent {
  return (caseEvents as readonly string[]).includes(v);
}

/** `enPassive` completes "A concluded case cannot be …". */
export const caseEventLabels: Record<CaseEvent, { zh: string; en: string; enPassive: string }> = {
  submit: { zh: '提交申请', en: 'Submit', enPassive: 'submitted' },
  requestSupplement: { zh: '要求补正', en: 'Request supplementary material', enPassive: 'sent a request for material' },
  supplement: { zh: '补正材料', en: 'Supplement', enPassive: 'supplemented' },
  accept: { zh: '受理', en: 'Accept', enPassive: 'accepted' },
  decline: { zh: '不予受理', en: 'Decline', enPassive: 'declined' },
  assign: { zh: '分派', en: 'Assign', enPassive: 'assigned' },
  reassign: { zh: '改派', en: 'Reassign', enPassive: 'reassigned' },
  start: { zh: '开始办理', en: 'Start work', enPassive: 'started' },
  submitForReview: { zh: '提交审核', en: 'Submit for review', enPassive: 'submitted for review' },
  returnForRework: { zh: '退回修改', en: 'Return for rework', enPassive: 'returned for rework' },
  signOff: { zh: '审核签发', en: 'Sign off', enPassive: 'signed off' },
  conclude: { zh: '办结', en: 'Conclude', enPassive: 'concluded' },
  reopen: { zh: '重新办理', en: 'Reopen', enPassive: 'reopened' },
  archive: { zh: '归档', en: 'Archive', enPassive: 'archived' },
  transfer: { zh: '移交', en: 'Transfer', enPassive: 'transferred' },
  acceptTransfer: { zh: '接收移交', en: 'Accept transfer', enPassive: 'taken over' },
  returnTransfer: { zh: '退回移交', en: 'Return transfer', enPassive: 'returned to the sender' },
  refer: { zh: '转办', en: 'Refer', enPassive: 'referred' },
  recordReferralFeedback: { zh: '登记转办反馈', en: 'Record referral feedback', enPassive: 'given referral feedback' },
  withdraw: { zh: '撤回申请', en: 'Withdraw', enPassive: 'withdrawn' },
  suspend: { zh: '中止', en: 'Suspend', enPassive: 'suspended' },
  resume: { zh: '恢复办理', en: 'Resume', enPassive: 'resumed' },
};
