import { KeyedWorkPool } from './keyed-work-pool.js';

/** A job that records when it starts and ends, and finishes only when told to. */
function controlledJob(log: string[], name: string) {
  let finish: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (finish = resolve));
  return {
    job: async () => {
      log.push(`start ${name}`);
      await done;
      log.push(`end ${name}`);
    },
    finish: () => finish(),
  };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe(KeyedWorkPool.name, () => {
  it('runs jobs of different keys at the same time, up to the concurrency', async () => {
    const log: string[] = [];
    const pool = new KeyedWorkPool(2, () => undefined);
    const a = controlledJob(log, 'a');
    const b = controlledJob(log, 'b');
    const c = controlledJob(log, 'c');

    await pool.submit('a', a.job);
    await pool.submit('b', b.job);
    let cAccepted = false;
    const submittingC = pool.submit('c', c.job).then(() => (cAccepted = true));
    await flush();

    expect(log).toEqual(['start a', 'start b']);
    expect(cAccepted).toBe(false);
    b.finish();
    await submittingC;
    await flush();
    expect(log).toEqual(['start a', 'start b', 'end b', 'start c']);
    a.finish();
    c.finish();
    await pool.drain();
    expect(pool.size).toBe(0);
  });

  it('runs jobs of one key one after another, in submission order', async () => {
    const log: string[] = [];
    const pool = new KeyedWorkPool(4, () => undefined);
    const first = controlledJob(log, 'first');
    const second = controlledJob(log, 'second');
    const other = controlledJob(log, 'other');

    await pool.submit('k', first.job);
    await pool.submit('k', second.job);
    await pool.submit('x', other.job);
    await flush();
    expect(log).toEqual(['start first', 'start other']);

    second.finish(); // cannot end before it started
    other.finish();
    await flush();
    expect(log).toEqual(['start first', 'start other', 'end other']);
    first.finish();
    await pool.drain();
    expect(log).toEqual(['start first', 'start other', 'end other', 'end first', 'start second', 'end second']);
  });

  it('reports a failing job and still runs the next job of its key', async () => {
    const errors: Array<[unknown, string]> = [];
    const pool = new KeyedWorkPool(1, (error, key) => errors.push([error, key]));
    let ranAfter = false;
    const boom = new Error('boom');

    await pool.submit('k', async () => {
      throw boom;
    });
    await pool.submit('k', async () => {
      ranAfter = true;
    });
    await pool.drain();

    expect(errors).toEqual([[boom, 'k']]);
    expect(ranAfter).toBe(true);
  });

  it('refuses a concurrency below one', () => {
    expect(() => new KeyedWorkPool(0, () => undefined)).toThrow('positive integer');
  });
});
