import nodemailer from 'nodemailer';
import type { Transport } from './notifier.ts';

/** E-mail through the SMTP server named by SMTP_URL (smtp://user:pass@host:port or smtps://…). */
export function smtpTransport(url: string, from: string): Transport {
  const t = nodemailer.createTransport(url);
  return {
    async deliver(msg) {
      await t.sendMail({ from, to: msg.to, subject: msg.subject, text: msg.body });
    },
  };
}
