import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { repositoryRoot } from '../../tools/repository-root.js';

// Each service's entry point, built: a bad variable gives a clean message on stderr (a line saying
// the start failed, then one line per bad variable) and exit code 1, never a stack trace. (Config is validated before anything is connected, so these are quick.)

const run = promisify(execFile);
const root = repositoryRoot();
const BASE = { PATH: process.env.PATH ?? '', DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/postgres', NATS_NAMESPACE: 'startupcheck' };

describe('starting a service with a bad variable', () => {
  it.each([
    ['members', { EVENT_CONCURRENCY: 'many' }, 'EVENT_CONCURRENCY'],
    ['professionals', { MEILI_URL: 'not-a-url' }, 'MEILI_URL'],
    ['matching', { MATCH_FIRST_PAGE: 'lots', MEILI_URL: 'http://127.0.0.1:7700' }, 'MATCH_FIRST_PAGE'],
    ['notifications', { WEBHOOK_SECRET_KEY: 'short' }, 'WEBHOOK_SECRET_KEY'],
    ['gateway', { PORT: 'eighty' }, 'PORT'],
  ])('%s names it on one line and exits 1', async (service, bad, variable) => {
    const result = await run(process.execPath, [`dist/apps/${service}/src/main.js`], { cwd: root, env: { ...BASE, ...bad }, timeout: 30_000 }).then(
      () => ({ code: 0, stderr: '' }),
      (error: { code?: number; stderr?: string }) => ({ code: error.code, stderr: error.stderr ?? '' }),
    );

    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([`${service} failed to start: Invalid configuration:`, expect.stringMatching(new RegExp(`^  ${variable}: ${variable} must `))]);
  });
});
