// CPU time of each process taking part in a benchmark phase, read from /proc: the services and
// engines the benchmark started (by pid), and Postgres's backends serving the benchmark's database
// (by pg_stat_activity, sampled as they come and go). The server's background processes
// (checkpointer, WAL writer...) serve every database on it: they are read as one figure and
// reported apart.
import { readdirSync, readFileSync } from 'node:fs';
import pg from 'pg';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux
const SAMPLE_MS = 200;

/** utime + stime of a process in ms, or undefined when it is gone (or not ours to read). */
export function cpuMsOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

/** The pid of a running program whose command line holds every one of `needles` (e.g. its port), if any. */
export function findPid(program: string, needles: string[]): number | undefined {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (command[0]?.endsWith(program) && needles.every((needle) => command.some((arg) => arg.includes(needle)))) return Number(entry);
    } catch {
      // gone meanwhile
    }
  }
  return undefined;
}

/** The parent of a process (for a Postgres backend: its server's postmaster). */
function parentOf(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return undefined;
  }
}

/** The server's own processes that serve no one connection (their command line names their role). */
function postgresBackgroundPids(postmaster: number | undefined): number[] {
  if (postmaster === undefined) return [];
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry) || parentOf(Number(entry)) !== postmaster) continue;
    try {
      const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (/^postgres: .*(checkpointer|background writer|walwriter|autovacuum launcher|logical replication launcher|autovacuum worker|stats collector)/.test(command)) pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

export interface CpuReport {
  seconds: number;
  /** CPU ms of each component over the phase. */
  byComponent: Record<string, number>;
  /** The Postgres server's background processes (shared with its other databases, if any; not in byComponent). */
  postgresSharedBackground: number;
  /** Each component's busy share of one core, and all of them together. */
  coresBusy: number;
}

/**
 * Samples, from start() to stop(): fixed processes by name, and the backends of `database` on the
 * Postgres at `adminUrl` (each backend counted from when it is first seen; one that exits between
 * samples loses at most its last SAMPLE_MS).
 */
export class CpuSampler {
  private readonly baseline = new Map<number, number>();
  private readonly latest = new Map<number, number>();
  private readonly backends = new Set<number>();
  private timer: NodeJS.Timeout | undefined;
  private startedAt = 0;
  private pool: pg.Pool | undefined;
  private sampling: Promise<void> = Promise.resolve();
  private postmaster: number | undefined;

  constructor(
    private readonly processes: Record<string, number | undefined>,
    private readonly postgres?: { url: string; database: string },
  ) {}

  async start(): Promise<void> {
    if (this.postgres) {
      this.pool = new pg.Pool({ connectionString: this.postgres.url, max: 1 });
      const { rows } = await this.pool.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
      this.postmaster = parentOf(rows[0].pid);
    }
    for (const pid of [...this.fixedPids(), ...postgresBackgroundPids(this.postmaster)]) this.see(pid, true);
    await this.sampleBackends(true);
    this.startedAt = performance.now();
    this.timer = setInterval(() => {
      this.sampling = this.sampling.then(() => this.sample()).catch(() => undefined);
    }, SAMPLE_MS);
  }

  async stop(): Promise<CpuReport> {
    clearInterval(this.timer);
    await this.sampling;
    await this.sample();
    const seconds = (performance.now() - this.startedAt) / 1000;
    await this.pool?.end();
    const used = (pid: number) => (this.latest.get(pid) ?? 0) - (this.baseline.get(pid) ?? 0);
    const byComponent: Record<string, number> = {};
    for (const [name, pid] of Object.entries(this.processes)) if (pid !== undefined) byComponent[name] = round(used(pid));
    if (this.postgres) byComponent['postgres (this database’s backends)'] = round([...this.backends].reduce((sum, pid) => sum + used(pid), 0));
    const shared = postgresBackgroundPids(this.postmaster).reduce((sum, pid) => sum + used(pid), 0);
    const total = Object.values(byComponent).reduce((sum, ms) => sum + ms, 0);
    return { seconds: round(seconds), byComponent, postgresSharedBackground: round(shared), coresBusy: round(total / 1000 / seconds) };
  }

  private fixedPids(): number[] {
    return Object.values(this.processes).filter((pid): pid is number => pid !== undefined);
  }

  private see(pid: number, atStart: boolean): void {
    const ms = cpuMsOf(pid);
    if (ms === undefined) return;
    if (!this.baseline.has(pid)) this.baseline.set(pid, atStart ? ms : 0);
    this.latest.set(pid, ms);
  }

  private async sample(): Promise<void> {
    for (const pid of [...this.fixedPids(), ...postgresBackgroundPids(this.postmaster)]) this.see(pid, false);
    await this.sampleBackends(false);
  }

  private async sampleBackends(atStart: boolean): Promise<void> {
    if (!this.pool || !this.postgres) return;
    const { rows } = await this.pool.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [this.postgres.database]);
    for (const { pid } of rows) {
      this.backends.add(pid);
      this.see(pid, atStart);
    }
    for (const pid of this.backends) this.see(pid, false);
  }
}

function round(n: number): number {
  return Number(n.toFixed(1));
}
