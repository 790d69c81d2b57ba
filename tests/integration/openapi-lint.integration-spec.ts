import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { repositoryRoot } from '../../tools/repository-root.js';
import { TestStack } from '../support/test-stack.js';

// What a partner's tooling sees: the document the real gateway serves, linted by two independent
// linters with the repository's rulesets (.spectral.yaml, redocly.yaml: each exception says why).

const run = promisify(execFile);
const root = repositoryRoot();

interface SpectralResult {
  code: string;
  message: string;
  path: string[];
  severity: number;
}
interface RedoclyReport {
  totals: { errors: number; warnings: number };
  problems: { ruleId: string; message: string; location: { pointer: string }[] }[];
}

describe('the OpenAPI document (/docs-json)', () => {
  let stack: TestStack;
  let dir: string;
  let documentFile: string;
  let document: { paths: Record<string, Record<string, { security?: unknown[]; responses: Record<string, { content?: Record<string, unknown> }> }>> };

  beforeAll(async () => {
    stack = await TestStack.start(['gateway']);
    dir = mkdtempSync(join(tmpdir(), 'coop-openapi-'));
    const response = await fetch(`${stack.gatewayUrl()}/docs-json`);
    expect(response.status).toBe(200);
    document = (await response.json()) as typeof document;
    documentFile = join(dir, 'openapi.json');
    writeFileSync(documentFile, JSON.stringify(document));
  });
  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await stack.dispose();
  });

  it('passes Spectral (spectral:oas and the OWASP ruleset) with no error, warning or hint', async () => {
    const { stdout } = await run(process.execPath, ['node_modules/@stoplight/spectral-cli/dist/index.js', 'lint', documentFile, '--ruleset', '.spectral.yaml', '--format', 'json', '--fail-severity', 'error', '--quiet'], {
      cwd: root,
      maxBuffer: 64 * 1024 * 1024,
    }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '[]' }));
    const results = JSON.parse(stdout || '[]') as SpectralResult[];
    expect(results.map((result) => `${result.code} at ${result.path.join('.')}: ${result.message}`)).toEqual([]);
  });

  it('passes Redocly CLI (recommended rules) with no error or warning', async () => {
    const { stdout } = await run(process.execPath, ['node_modules/@redocly/cli/bin/cli.js', 'lint', documentFile, '--config', 'redocly.yaml', '--format', 'json'], {
      cwd: root,
      maxBuffer: 64 * 1024 * 1024,
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    }).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
    const report = JSON.parse(stdout.slice(stdout.indexOf('{'))) as RedoclyReport;
    expect(report.problems.map((problem) => `${problem.ruleId} at ${problem.location[0]?.pointer}: ${problem.message}`)).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  });

  it('documents every error answer as application/problem+json, and security on every operation', () => {
    const operations = Object.entries(document.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]) => ({ name: `${method} ${path}`, operation })));
    expect(operations.length).toBeGreaterThan(30);
    const undocumented = operations.flatMap(({ name, operation }) =>
      Object.entries(operation.responses)
        .filter(([status]) => /^[45]|default/.test(status))
        .filter(([, response]) => !response.content?.['application/problem+json'])
        .map(([status]) => `${name} ${status}`),
    );
    // Readiness answers 503 with the health report itself, not a problem.
    expect(undocumented).toEqual(['get /health/ready 503']);
    expect(operations.filter(({ operation }) => !Array.isArray(operation.security)).map(({ name }) => name)).toEqual([]);
  });
});
