// The five NestJS services as child processes of the launcher: each line they print is echoed
// with the service name in front and appended to <logDir>/<name>.log.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { manage, type ManagedProcess } from './managed-process.js';

export const SERVICE_NAMES = ['members', 'professionals', 'matching', 'notifications', 'gateway'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

const NAME_WIDTH = Math.max(...SERVICE_NAMES.map((name) => name.length));
const RECENT_LINE_COUNT = 30;

/** "gateway" -> "gateway       | ", the same width for every service. */
export function linePrefix(name: string): string {
  return `${name.padEnd(NAME_WIDTH)} | `;
}

export function serviceEntryPoint(root: string, name: ServiceName): string {
  return join(root, 'dist', 'apps', name, 'src', 'main.js');
}

/** Entry points that have not been built yet. */
export function missingEntryPoints(root: string): string[] {
  return SERVICE_NAMES.map((name) => serviceEntryPoint(root, name)).filter((file) => !existsSync(file));
}

export interface ServiceProcess extends ManagedProcess {
  /** The last lines the service printed, for error reports. */
  recentLines(): string[];
}

export interface ServiceSpec {
  name: ServiceName;
  root: string;
  env: NodeJS.ProcessEnv;
  logDir: string;
  echo: (line: string) => void;
}

export function startService(spec: ServiceSpec): ServiceProcess {
  mkdirSync(spec.logDir, { recursive: true });
  const logFile = join(spec.logDir, `${spec.name}.log`);
  const logStream = createWriteStream(logFile, { flags: 'a' });
  const child = spawn(process.execPath, [serviceEntryPoint(spec.root, spec.name)], {
    cwd: spec.root,
    env: spec.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Own process group: Ctrl-C reaches the launcher only, which stops services before the engines.
    detached: true,
  });

  const recent: string[] = [];
  const onLine = (line: string): void => {
    spec.echo(`${linePrefix(spec.name)}${line}`);
    logStream.write(`${line}\n`);
    recent.push(line);
    if (recent.length > RECENT_LINE_COUNT) recent.shift();
  };
  const openStreams = [child.stdout, child.stderr].map((stream) => forEachLine(stream, onLine));
  void Promise.all(openStreams).then(() => logStream.end());

  // NestJS drains connections on SIGTERM; give it time before SIGKILL.
  const managed = manage(child, { name: spec.name, logFile, graceMs: 10_000 });
  return Object.assign(managed, { recentLines: () => [...recent] });
}

/** Calls onLine for each line of the stream; resolves when the stream ends. */
function forEachLine(stream: Readable | null, onLine: (line: string) => void): Promise<void> {
  if (!stream) return Promise.resolve();
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  lines.on('line', onLine);
  return new Promise((resolve) => lines.once('close', resolve));
}
