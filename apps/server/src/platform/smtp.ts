import type { Transporter } from 'nodemailer';
import type { Transport } from './notifier.ts';

/**
 * E-mail through the SMTP server named by SMTP_URL (smtp://user:pass@host:port or smtps://…). nodemailer (≈ 20 MB
 * of the process) is imported at the first message sent, not at start-up (issue 8).
 */
export function smtpTransport(url: string, from: string): Transport {
  let t: Promise<Transporter> | undefined;
  return {
    async deliver(msg) {
      t ??= import('nodemailer').then((m) => m.default.createTransport(url));
      await (await t).sendMail({ from, to: msg.to, subject: msg.subject, text: msg.body });
    },
  };
}
