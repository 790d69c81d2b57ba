import { StatementNames } from './service-pg-client.js';

describe(StatementNames.name, () => {
  it('names each distinct text once, and gives the same text the same name', () => {
    const sut = new StatementNames(10);

    const first = sut.nameOf('SELECT $1');
    const second = sut.nameOf('SELECT $1, $2');

    expect(first).toBeDefined();
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    expect(sut.nameOf('SELECT $1')).toBe(first);
  });

  it('names no more texts than its capacity, and keeps the names it gave', () => {
    const sut = new StatementNames(2);
    const a = sut.nameOf('a');
    sut.nameOf('b');

    expect(sut.nameOf('c')).toBeUndefined();
    expect(sut.nameOf('a')).toBe(a);
  });
});
