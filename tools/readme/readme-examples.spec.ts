import { execFileSync } from 'node:child_process';
import { checkScript, shellBlocks } from './readme-examples.js';

const README = [
  '# Title',
  '<!-- readme-check: skip (starts the system) -->',
  '```sh',
  'npm start',
  '```',
  'Text.',
  '```sh',
  'curl -s localhost:3000/health',
  'echo two',
  '```',
  '```json',
  '{ "not": "shell" }',
  '```',
].join('\n');

describe(shellBlocks.name, () => {
  it('finds the sh blocks in order, with their line, and which are marked to skip', () => {
    const sut = shellBlocks(README);

    expect(sut).toEqual([
      { line: 3, source: 'npm start', skipped: true },
      { line: 7, source: 'curl -s localhost:3000/health\necho two', skipped: false },
    ]);
  });
});

describe(checkScript.name, () => {
  it('points the examples at the given gateway and leaves the skipped blocks out', () => {
    const sut = checkScript(shellBlocks(README), 'http://127.0.0.1:3300');

    expect(sut).toContain('curl -s 127.0.0.1:3300/health');
    expect(sut).not.toContain('localhost:3000');
    expect(sut).not.toContain('npm start');
  });

  it('stops at the first command that fails', () => {
    const sut = checkScript([{ line: 1, source: 'echo first\nfalse\necho never', skipped: false }], 'http://localhost:1');

    const run = () => execFileSync('bash', ['-c', sut], { stdio: 'pipe' }).toString();
    expect(run).toThrow();
    try {
      run();
    } catch (error) {
      const { stdout } = error as { stdout: Buffer };
      expect(stdout.toString()).toBe('first\n');
    }
  });
});
