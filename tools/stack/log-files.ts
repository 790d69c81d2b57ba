// Small helpers for the log files of the processes the stack starts.
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** The last `count` lines of a text file ('' when it does not exist). */
export function tailOfFile(file: string, count = 20): string {
  if (!existsSync(file)) return '';
  const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
  return lines.slice(-count).join('\n');
}

export function ensureParentDir(file: string): void {
  mkdirSync(dirname(file), { recursive: true });
}

/** An error message followed by the tail of a log, so the cause shows without opening the file. */
export function withLogTail(message: string, logFile: string, count = 20): string {
  const tail = tailOfFile(logFile, count);
  return tail ? `${message}\n--- last lines of ${logFile} ---\n${tail}` : `${message} (see ${logFile})`;
}
