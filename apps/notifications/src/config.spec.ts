import { ConfigValidationError, loadConfig } from '@coop/platform';
import { NotificationsConfig } from './config.js';

const REQUIRED = { DATABASE_URL: 'postgres://localhost/coop', WEBHOOK_SECRET_KEY: 'ab'.repeat(32) };
const DAY_MS = 24 * 3_600_000;

describe(NotificationsConfig.name, () => {
  it('retries for more than a day by default and writes emails to files', () => {
    const sut = loadConfig(NotificationsConfig, REQUIRED);

    expect(sut.retrySchedule.reduce((sum, wait) => sum + wait, 0)).toBeGreaterThan(DAY_MS);
    expect(sut.webhookDisableAfterMs).toBe(3 * DAY_MS);
    expect(sut.WEBHOOK_ALLOW_PRIVATE_URLS).toBe(false);
    expect(sut.SMTP_HOST).toBeUndefined();
  });

  it('reads booleans and durations as written', () => {
    const sut = loadConfig(NotificationsConfig, { ...REQUIRED, WEBHOOK_ALLOW_PRIVATE_URLS: 'true', SMTP_SECURE: 'false', DELIVERY_RETRY_SCHEDULE: '500ms, 2s,1m' });

    expect(sut.WEBHOOK_ALLOW_PRIVATE_URLS).toBe(true);
    expect(sut.SMTP_SECURE).toBe(false);
    expect(sut.retrySchedule).toEqual([500, 2_000, 60_000]);
  });

  it.each([
    [{ WEBHOOK_SECRET_KEY: 'too-short' }, 'WEBHOOK_SECRET_KEY'],
    [{ WEBHOOK_ALLOW_PRIVATE_URLS: 'yes' }, 'WEBHOOK_ALLOW_PRIVATE_URLS'],
    [{ DELIVERY_RETRY_SCHEDULE: '5 minutes' }, 'DELIVERY_RETRY_SCHEDULE'],
    [{ SMTP_USER: 'mailer' }, 'SMTP_PASSWORD'],
    [{ SMTP_PORT: '70000' }, 'SMTP_PORT'],
  ])('refuses %j naming %s', (bad, variable) => {
    const load = () => loadConfig(NotificationsConfig, { ...REQUIRED, ...bad });

    expect(load).toThrow(ConfigValidationError);
    expect(load).toThrow(new RegExp(`^Invalid configuration:\\n  ${variable}:`));
  });

  it('accepts the key in base64 too', () => {
    expect(loadConfig(NotificationsConfig, { ...REQUIRED, WEBHOOK_SECRET_KEY: Buffer.alloc(32, 7).toString('base64') }).WEBHOOK_SECRET_KEY).toHaveLength(44);
  });
});
