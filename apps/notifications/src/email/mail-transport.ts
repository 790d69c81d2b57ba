import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer, { type Transporter } from 'nodemailer';
import type { LanguageCode } from '@coop/contracts';
import { NotificationsConfig } from '../config.js';

export interface OutgoingMail {
  id: string;
  /** When the message was queued: the same on every attempt. */
  createdAt: Date;
  to: string;
  subject: string;
  text: string;
  language: LanguageCode;
}

/**
 * Writes emails: over SMTP when SMTP_HOST is set, otherwise as .eml files in MAIL_DIR (what
 * `npm start` does, so a newcomer can open them). Returns what the server (or file) answered.
 */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  private readonly logger = new Logger(MailTransport.name);
  private readonly transporter: Transporter;
  private readonly toFiles: boolean;
  private mailDirReady: Promise<unknown> | undefined;

  constructor(@Inject(NotificationsConfig) private readonly config: NotificationsConfig) {
    this.toFiles = !config.SMTP_HOST;
    this.transporter = this.toFiles
      ? nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' })
      : nodemailer.createTransport({
          host: config.SMTP_HOST,
          port: config.SMTP_PORT,
          secure: config.SMTP_SECURE,
          auth: config.SMTP_USER ? { user: config.SMTP_USER, pass: config.SMTP_PASSWORD } : undefined,
          connectionTimeout: config.SMTP_TIMEOUT_MS,
          greetingTimeout: config.SMTP_TIMEOUT_MS,
          socketTimeout: config.SMTP_TIMEOUT_MS,
        });
    this.logger.log({ msg: this.toFiles ? 'emails are written to files' : 'emails are sent over SMTP', target: this.toFiles ? config.MAIL_DIR : `${config.SMTP_HOST}:${config.SMTP_PORT}` });
  }

  async send(mail: OutgoingMail): Promise<string> {
    const info = (await this.transporter.sendMail({
      from: this.config.MAIL_FROM,
      to: mail.to,
      subject: mail.subject,
      text: mail.text,
      // The same Message-ID on every attempt: a message sent twice is recognisable as one.
      messageId: `<${mail.id}@coop-matching.example>`,
      headers: { 'Content-Language': mail.language },
    })) as { response?: string; message?: Buffer };
    if (!this.toFiles) return info.response ?? 'accepted';
    this.mailDirReady ??= mkdir(this.config.MAIL_DIR, { recursive: true });
    await this.mailDirReady;
    // Named by the message, not the attempt: an attempt repeated after a crash (written, but not
    // recorded as sent) rewrites the same file rather than delivering the email twice.
    const file = join(this.config.MAIL_DIR, `${mail.createdAt.toISOString().replace(/[:.]/g, '-')}-${mail.id}.eml`);
    await writeFile(file, info.message ?? '');
    return `written to ${file}`;
  }

  onApplicationShutdown(): void {
    this.transporter.close();
  }
}
