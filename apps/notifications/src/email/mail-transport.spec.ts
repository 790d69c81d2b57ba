import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '@coop/platform';
import { NotificationsConfig } from '../config.js';
import { MailTransport, type OutgoingMail } from './mail-transport.js';

describe(MailTransport.name, () => {
  const mailDir = mkdtempSync(join(tmpdir(), 'coop-mail-'));
  const sut = new MailTransport(
    loadConfig(NotificationsConfig, { DATABASE_URL: 'postgres://localhost/coop', WEBHOOK_SECRET_KEY: '0'.repeat(64), MAIL_DIR: mailDir }),
  );
  afterAll(() => {
    sut.onApplicationShutdown();
    rmSync(mailDir, { recursive: true, force: true });
  });

  const mail: OutgoingMail = {
    id: '2b7c9d1e-3f4a-4b5c-8d6e-7f8091a2b3c4',
    createdAt: new Date('2026-12-01T14:00:00.000Z'),
    to: 'annie.bergeron@consortium.example',
    subject: 'Nouvelle affectation',
    text: 'Bonjour Annie,',
    language: 'fr',
  };

  it('writes an email without SMTP_HOST as an .eml file with its Message-ID', async () => {
    await sut.send(mail);

    const [file] = readdirSync(mailDir);
    expect(file).toBe(`2026-12-01T14-00-00-000Z-${mail.id}.eml`);
    expect(readFileSync(join(mailDir, file), 'utf8')).toMatch(new RegExp(`^Message-ID: <${mail.id}@coop-matching.example>`, 'm'));
  });

  it('writes an email sent again (an attempt that was not recorded) over the same file, not a second one', async () => {
    await sut.send(mail);
    await sut.send({ ...mail });

    expect(readdirSync(mailDir)).toEqual([`2026-12-01T14-00-00-000Z-${mail.id}.eml`]);
  });
});
