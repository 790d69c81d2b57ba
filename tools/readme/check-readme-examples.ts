// `npm run readme:check -- --url http://localhost:3000 [--file docs/partners.md]`: runs the `sh`
// examples of the README (or of another Markdown file of the repository), in order,
// against a running system (a fresh `npm start`), from the repository root, and exits non-zero at
// the first command that fails or that curl sees answered with an HTTP error. Blocks marked
// `<!-- readme-check: skip … -->` on the line above are left out. Every command and its output is
// printed, so what each example did can be read against what the README says it does.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repositoryRoot } from '../repository-root.js';
import { checkScript, shellBlocks } from './readme-examples.js';

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

const root = repositoryRoot();
const url = argument('url') ?? `http://localhost:${process.env.PORT ?? '3000'}`;
const file = argument('file') ?? 'README.md';
const script = checkScript(shellBlocks(readFileSync(join(root, file), 'utf8')), url, file);
const result = spawnSync('bash', ['-c', script], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
