import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { repositoryRoot } from '../../tools/repository-root.js';

/**
 * The rooms of each service: no folder under `apps/<service>/src` imports a folder that imports it
 * back, directly or through others. Files at `src/` itself (the wiring, config) are left out: they
 * may import any folder. Specs are left out too.
 */
const root = repositoryRoot();
const SERVICES = ['gateway', 'members', 'professionals', 'matching', 'notifications'];
const RELATIVE_IMPORT = /from '(\.{1,2}\/[^']+)'/g;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts') ? [path] : [];
  });
}

/** The top folder of `src` a file is in, or undefined for a file of `src` itself. */
function folderOf(src: string, file: string): string | undefined {
  const parts = relative(src, file).split(sep);
  return parts.length > 1 ? parts[0] : undefined;
}

/** Which folder imports which, for one service. */
export function folderImports(src: string): Map<string, Set<string>> {
  const edges = new Map<string, Set<string>>();
  for (const file of sources(src)) {
    const from = folderOf(src, file);
    if (!from) continue;
    for (const [, specifier] of readFileSync(file, 'utf8').matchAll(RELATIVE_IMPORT)) {
      const to = folderOf(src, resolve(dirname(file), specifier));
      if (!to || to === from || to.startsWith('..')) continue;
      edges.set(from, (edges.get(from) ?? new Set()).add(to));
    }
  }
  return edges;
}

/** Each folder from which an import path leads back to it, with that path. */
export function cycles(edges: Map<string, Set<string>>): string[] {
  const found: string[] = [];
  for (const start of edges.keys()) {
    const seen = new Set<string>();
    const walk = (folder: string, path: string[]): string[] | undefined => {
      for (const next of edges.get(folder) ?? []) {
        if (next === start) return [...path, next];
        if (seen.has(next)) continue;
        seen.add(next);
        const back = walk(next, [...path, next]);
        if (back) return back;
      }
      return undefined;
    };
    const back = walk(start, [start]);
    if (back) found.push(back.join(' -> '));
  }
  return found;
}

describe('folder imports', () => {
  it('finds a folder that imports one that imports it back', () => {
    const edges = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a'])],
      ['d', new Set(['a'])],
    ]);
    expect(cycles(edges)).toEqual(['a -> b -> c -> a', 'b -> c -> a -> b', 'c -> a -> b -> c']);
  });

  it.each(SERVICES)('has no folder of %s importing one that imports it back', (service) => {
    expect(cycles(folderImports(join(root, 'apps', service, 'src')))).toEqual([]);
  });
});
