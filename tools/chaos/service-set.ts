// The five services as processes (as in production), `replicas` of each, that the fault suite can
// kill with SIGKILL and start again with the same command and environment.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startManagedProcess, type ManagedProcess } from '../stack/managed-process.js';
import { SERVICE_NAMES, serviceEntryPoint, type ServiceName } from '../stack/services.js';

export interface ServiceInstance {
  name: ServiceName;
  replica: number;
  process: ManagedProcess;
}

export class ServiceSet {
  private readonly instances: ServiceInstance[] = [];

  constructor(
    private readonly root: string,
    private readonly logDir: string,
    /** The environment of each replica (the gateway replicas need ports of their own). */
    private readonly envOf: (name: ServiceName, replica: number) => NodeJS.ProcessEnv,
  ) {}

  startAll(replicas: number): void {
    for (const name of SERVICE_NAMES) for (let replica = 1; replica <= replicas; replica += 1) this.instances.push({ name, replica, process: this.spawn(name, replica) });
  }

  /** The first replica of a service (the one the suite kills). */
  first(name: ServiceName): ServiceInstance {
    const instance = this.instances.find((candidate) => candidate.name === name);
    if (!instance) throw new Error(`${name} is not running`);
    return instance;
  }

  /** A service that died on its own (not killed by the suite), if any. */
  dead(): ServiceInstance | undefined {
    return this.instances.find((instance) => instance.process.hasExited());
  }

  /**
   * Each replica, running or not, with the last warnings and errors of its log (the last lines of
   * one that died): what a failed run prints, so the cause shows where the run's folder is gone (a
   * temporary one, or CI's).
   */
  describe(linesEach = 4): string {
    return this.instances
      .map((instance) => {
        const file = this.logFileOf(instance.name, instance.replica);
        const lines = existsSync(file) ? readFileSync(file, 'utf8').trimEnd().split('\n') : [];
        const exited = instance.process.hasExited();
        // A process that died says why in its last lines (a stack trace is not a JSON log line).
        const shown = exited ? lines.slice(-60) : lines.filter((line) => /"level":"(warn|error|fatal)"/.test(line)).slice(-linesEach);
        return [`${instance.name}-${instance.replica} (${exited ? 'NOT RUNNING' : 'running'}, ${file}):`, ...shown.map((line) => `  ${line.slice(0, 600)}`)].join('\n');
      })
      .join('\n');
  }

  async kill(instance: ServiceInstance): Promise<void> {
    instance.process.kill();
    await instance.process.exited;
  }

  restart(instance: ServiceInstance): void {
    if (!instance.process.hasExited()) throw new Error(`${instance.name} is still running`);
    instance.process = this.spawn(instance.name, instance.replica);
  }

  async stopAll(): Promise<void> {
    await Promise.all(this.instances.map((instance) => instance.process.stop()));
  }

  private logFileOf(name: ServiceName, replica: number): string {
    return join(this.logDir, `${name}${replica > 1 ? `-${replica}` : ''}.log`);
  }

  private spawn(name: ServiceName, replica: number): ManagedProcess {
    return startManagedProcess({
      name,
      command: process.execPath,
      args: [serviceEntryPoint(this.root, name)],
      cwd: this.root,
      env: this.envOf(name, replica),
      logFile: this.logFileOf(name, replica),
      graceMs: 10_000,
    });
  }
}
