import { simpleParser } from 'mailparser';
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';

export interface CaughtMail {
  to: string;
  subject: string;
  text: string;
  language: string | undefined;
  messageId: string | undefined;
}

/** Decides whether to refuse a message (an SMTP error code such as 451) or accept it (undefined). */
export type MailGate = (recipient: string) => number | undefined;

/** A real SMTP server on 127.0.0.1 (any free port) that keeps every message it accepts, parsed. */
export class MailCatcher {
  readonly mails: CaughtMail[] = [];
  gate: MailGate = () => undefined;

  private constructor(private readonly server: SMTPServer) {}

  static async start(): Promise<MailCatcher> {
    // The server's callbacks need the catcher, which needs the server: fill it in once both exist.
    const ref: { catcher?: MailCatcher } = {};
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session: SMTPServerSession, callback) {
        const recipient = session.envelope.rcptTo.map((address) => address.address).join(', ');
        const refusal = ref.catcher!.gate(recipient);
        simpleParser(stream).then(
          (mail) => {
            if (refusal) return callback(Object.assign(new Error('Try again later'), { responseCode: refusal }));
            ref.catcher!.mails.push({
              to: recipient,
              subject: mail.subject ?? '',
              text: mail.text ?? '',
              language: mail.headers.get('content-language') as string | undefined,
              messageId: mail.messageId,
            });
            callback();
          },
          (error: Error) => callback(error),
        );
      },
    });
    const catcher = new MailCatcher(server);
    ref.catcher = catcher;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return catcher;
  }

  get port(): number {
    return (this.server.server.address() as AddressInfo).port;
  }

  to(address: string): CaughtMail[] {
    return this.mails.filter((mail) => mail.to === address);
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
