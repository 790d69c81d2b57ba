/** A fenced `sh` block of a Markdown file, and whether a `<!-- readme-check: skip … -->` line right above it excludes it. */
export interface ShellBlock {
  /** 1-based line of the opening fence. */
  line: number;
  source: string;
  skipped: boolean;
}

const SKIP_MARKER = /^<!--\s*readme-check:\s*skip\b/;

/** The `sh` blocks of `markdown`, in order. */
export function shellBlocks(markdown: string): ShellBlock[] {
  const lines = markdown.split('\n');
  const blocks: ShellBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (!/^```(sh|bash)\s*$/.test(lines[i])) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !/^```\s*$/.test(lines[i]); i++) body.push(lines[i]);
    blocks.push({ line: start + 1, source: body.join('\n'), skipped: start > 0 && SKIP_MARKER.test(lines[start - 1]) });
  }
  return blocks;
}

/**
 * One bash script running `blocks` in order against the gateway at `gatewayUrl`: the examples'
 * `localhost:3000` becomes that address, every command is echoed, the first failing command (or
 * curl answer with an HTTP error status) stops it, and background jobs are ended on exit.
 */
export function checkScript(blocks: readonly ShellBlock[], gatewayUrl: string, file = 'README.md'): string {
  const address = new URL(gatewayUrl).host;
  const parts = blocks
    .filter((block) => !block.skipped)
    .map((block) => `echo "== ${file} line ${block.line}" >&2\n${block.source.replaceAll('localhost:3000', address)}`);
  return [
    'set -euo pipefail',
    "trap 'jobs -p | xargs -r kill 2>/dev/null || true' EXIT",
    // An HTTP error answer fails the command, its body still printed.
    'curl() { command curl --fail-with-body "$@"; }',
    'set -x',
    ...parts,
    'set +x',
    `echo "${file} examples: ${parts.length} blocks ran, every command succeeded" >&2`,
  ].join('\n');
}
