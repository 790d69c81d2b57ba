// What the repository's commands (bench, bench:index, chaos, load:professionals) share about their
// arguments: `--help`, and a wrong option answered with the usage, not a stack trace.
import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

/** A command used wrongly: printed with its usage, without a stack trace. */
export class UsageError extends Error {
  override readonly name = 'UsageError';

  constructor(problem: string, usage: string) {
    super(`${problem}\n${usage}`);
  }
}

/**
 * The command's options from its arguments (node:util's parseArgs). `--help` prints the usage and
 * exits; an unknown option or a missing value is a UsageError.
 */
export function parseCommandLine<O extends Options>(options: O, usage: string, args = process.argv.slice(2)) {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(usage);
    process.exit(0);
  }
  try {
    return parseArgs<{ options: O; args: string[] }>({ options, args }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error), usage);
  }
}

/** Runs a command: a usage error is printed as it is, any other failure with its stack; both exit 1. */
export function runCommand(label: string, main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    if (error instanceof UsageError) console.error(error.message);
    else console.error(`${label} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  });
}
