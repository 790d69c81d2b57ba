// npm run load:professionals -- --count 10000 [--start 0] [--seed 42]
// Loads synthetic professionals into the running system (see load-professionals.ts).
import 'reflect-metadata';
import { parseCommandLine, runCommand, UsageError } from '../support/command-line.js';
import { withRpc } from '../support/rpc.js';
import { loadGeneratedProfessionals } from './load-professionals.js';

const USAGE = 'usage: npm run load:professionals -- --count N [--start I] [--seed S]';

async function main(): Promise<void> {
  const values = parseCommandLine({ count: { type: 'string', default: '10000' }, start: { type: 'string', default: '0' }, seed: { type: 'string', default: '42' } }, USAGE);
  const [count, start, seed] = [Number(values.count), Number(values.start), Number(values.seed)];
  if (![count, start, seed].every(Number.isInteger) || count <= 0) throw new UsageError('--count must be a whole number above 0, --start and --seed whole numbers', USAGE);
  const started = Date.now();
  const result = await withRpc(process.env, (rpc) =>
    loadGeneratedProfessionals(rpc, { count, start, seed, onProgress: (loaded) => process.stdout.write(`\r${loaded} / ${count}`) }),
  );
  console.log(`\n${result.created} professionals created, ${result.skipped} already there, in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

runCommand('load:professionals', main);
