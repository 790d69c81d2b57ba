import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { repositoryRoot } from '../../tools/repository-root.js';

/**
 * The README promises the Node.js range of package.json's `engines`; `npm ci` warns for every
 * installed package whose own `engines.node` excludes part of it (package.json's `overrides` pin
 * versions that still support it).
 */
const root = repositoryRoot();
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { engines: { node: string } };
const lock = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { engines?: { node?: string } | string[]; optional?: boolean }>;
};

/**
 * Packages whose declared range leaves out our oldest Node.js but that are known to work on it, and
 * why. Each must be exercised by the test suite on that Node.js.
 */
const KNOWN_TO_WORK: Record<string, string> = {
  // Chromium 153 for the console's end-to-end tests (the version seen driven by playwright-core
  // 1.65.1 here): its code only unpacks the binary (node:zlib, tar-fs), and tests/e2e launches it on
  // every run of npm test.
  '@sparticuz/chromium': 'tests/e2e/console.integration-spec.ts',
};

describe('Node.js engines', () => {
  const supported = semver.minVersion(manifest.engines.node)?.version ?? '';

  it('names a minimum version, and this process runs one the range accepts', () => {
    expect(supported).toMatch(/^\d+\.\d+\.\d+$/);
    expect(semver.satisfies(process.version, manifest.engines.node)).toBe(true);
  });

  it('installs no package that refuses the oldest supported Node.js', () => {
    const refusing = Object.entries(lock.packages)
      .filter(([path]) => path !== '')
      .map(([path, entry]) => ({ path, range: Array.isArray(entry.engines) ? undefined : entry.engines?.node }))
      .filter((entry): entry is { path: string; range: string } => entry.range !== undefined)
      .filter(({ range }) => !semver.satisfies(supported, range, { includePrerelease: true }))
      .filter(({ path }) => !(path.replace(/^.*node_modules\//, '') in KNOWN_TO_WORK))
      .map(({ path, range }) => `${path.replace(/^.*node_modules\//, '')} wants node ${range}`);
    expect(refusing).toEqual([]);
  });
});
