import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const FIRST_LOAD_BUDGET_BYTES = 300 * 1024;

export interface BundleSize {
  /** The scripts the browser loads before the first screen: the entry and its modulepreloads. */
  files: Array<{ file: string; bytes: number; gzipBytes: number }>;
  gzipBytes: number;
  bytes: number;
}

/** The JavaScript a first visit loads, read from the built index.html, each file gzipped (level 9). */
export function firstLoadJavaScript(outDir: string, html = readFileSync(join(outDir, 'index.html'), 'utf8')): BundleSize {
  const sources = [
    ...[...html.matchAll(/<script[^>]*\ssrc="([^"]+\.js)"/g)].map((match) => match[1]),
    ...[...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g)].map((match) => match[1]),
  ];
  const files = [...new Set(sources)].map((source) => {
    const file = source.replace(/^\/console\//, '');
    const content = readFileSync(join(outDir, file));
    return { file, bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length };
  });
  return { files, bytes: files.reduce((sum, f) => sum + f.bytes, 0), gzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0) };
}
