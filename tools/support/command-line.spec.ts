import { parseCommandLine, UsageError } from './command-line.js';

const USAGE = 'usage: tool -- [--count N] [--fast]';
const OPTIONS = { count: { type: 'string', default: '10' }, fast: { type: 'boolean', default: false } } as const;

describe(parseCommandLine.name, () => {
  it('reads the options, with their defaults', () => {
    expect(parseCommandLine(OPTIONS, USAGE, ['--count', '3'])).toEqual({ count: '3', fast: false });
    expect(parseCommandLine(OPTIONS, USAGE, [])).toEqual({ count: '10', fast: false });
  });

  it('answers an unknown option with its name and the usage, as a UsageError', () => {
    const read = () => parseCommandLine(OPTIONS, USAGE, ['--counts', '3']);

    expect(read).toThrow(UsageError);
    expect(read).toThrow(/--counts[\s\S]*usage: tool/);
  });
});
