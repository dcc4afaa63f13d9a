import nodemailer from 'nodemailer';
import type { SmtpConfig } from '../../../config/notification-schema.ts';
import { DeliveryError } from './post-json.ts';
import type { Notice } from './sender.ts';

export interface Mailer {
  send(to: string, notice: Notice): Promise<void>;
  close(): void;
}

/** SMTP through nodemailer; STARTTLS when the server offers it unless `secure` (TLS from the start). */
export function createMailer(smtp: SmtpConfig, timeoutMs: number): Mailer {
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.password ?? '' } } : {}),
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
  });
  return {
    async send(to, notice) {
      try {
        await transport.sendMail({ from: smtp.from, to, subject: notice.subject, text: notice.body });
      } catch (error) {
        throw new DeliveryError(`SMTP ${smtp.host}:${smtp.port} to ${to}: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
    close: () => transport.close(),
  };
}
