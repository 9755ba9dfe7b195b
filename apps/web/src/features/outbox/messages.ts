import type { Dict } from '../../shared/i18n/index.ts';

export const outboxMessages = {
  title: ['消息发件箱', 'Outbox'],
  hint: ['演示环境不真正发送短信和邮件，发出的消息（含验证码）列在这里。', 'In the demo no SMS or e-mail leaves the server; the messages (with codes) are listed here.'],
  unavailable: ['此环境已配置真实的短信 / 邮件发送，发件箱不公开。', 'Real SMS / e-mail is configured here; the outbox is not public.'],
  channel: ['渠道', 'Channel'],
  recipient: ['收件人', 'Recipient'],
  subject: ['主题', 'Subject'],
  body: ['内容', 'Body'],
  time: ['时间', 'Time'],
} satisfies Dict;
