import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { en } from './en';
import { fr } from './fr';

const keysOf = (catalog: object, prefix = ''): string[] =>
  Object.entries(catalog).flatMap(([key, value]) => (typeof value === 'object' ? keysOf(value, `${prefix}${key}.`) : [`${prefix}${key}`]));
const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'generated' ? [] : sources(path);
    return /\.tsx?$/.test(name) && !name.includes('.spec.') ? [path] : [];
  });

describe('the catalogs', () => {
  const english = new Set(keysOf(en).map((key) => key.replace(/_(one|other)$/, '')));

  it('have the same keys in French and English', () => {
    expect(keysOf(fr).sort()).toEqual(keysOf(en).sort());
  });

  it('hold every key the screens ask for by name', () => {
    const src = join(process.cwd(), 'apps', 'console', 'src');
    const asked = sources(src).flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/\bt\(\s*'([a-zA-Z.]+)'/g)].map((match) => match[1]));

    expect(asked.length).toBeGreaterThan(100);
    expect(asked.filter((key) => !english.has(key))).toEqual([]);
  });
});
