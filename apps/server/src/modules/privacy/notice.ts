import { AppError } from '../../platform/errors.ts';
import { PRIVACY_NOTICE_VERSION } from './retention.ts';

/**
 * The privacy notice the applicant reads and ticks before submitting. Raise PRIVACY_NOTICE_VERSION whenever the
 * text changes: a submission made under an older version is refused until the new text has been read.
 */
export const privacyNotice = {
  version: PRIVACY_NOTICE_VERSION,
  zh: [
    '您提交的姓名、证件号码、联系电话、地址和证据材料，仅用于处理本次维权援助申请及相关的转交、移送和回访。',
    '证件号码、电话和地址加密保存，工作人员列表中只显示部分号码；查看完整信息会留下审计记录。',
    '案件办结归档满三年后，当事人的个人信息和证据文件将被删除，仅保留不含个人信息的统计数据。',
    '案件可能在隐去当事人名称、证件号码和地址后编写为典型案例公开。您可以随时撤回尚未办结的申请。',
  ],
  en: [
    'The names, ID numbers, phone numbers, addresses and evidence you submit are used only to handle this application and its transfers, referrals and follow-up.',
    'ID numbers, phones and addresses are stored encrypted; staff lists show them masked, and revealing them in full is recorded in the audit log.',
    'Three years after the case is archived, the parties\u2019 personal data and the evidence files are deleted; only statistics without personal data remain.',
    'A case may be published as a case study, only with the parties\u2019 names, numbers and addresses removed. You may withdraw an application that is still open at any time.',
  ],
};

/** A submission that names a notice version must name the current one (409 otherwise, with the field). */
export function checkNoticeVersion(version: string | undefined): void {
  if (version === undefined || version === PRIVACY_NOTICE_VERSION) return;
  throw new AppError(409, 'privacy_notice_changed', '隐私告知已更新，请阅读新的告知并重新勾选后提交（草稿已保留）',
    'The privacy notice has changed: read the new notice, tick it again and submit (the draft is kept)', 'privacyNoticeVersion',
    { currentVersion: PRIVACY_NOTICE_VERSION });
}
