import { LoggerService } from '@nestjs/common';
import { hostname } from 'node:os';
import { pino, Logger as Pino } from 'pino';
import { LogLevel } from '../config/base-config.js';
import { currentCorrelationId } from './correlation.js';

export function createRootLogger(service: string, level: LogLevel, instance?: string): Pino {
  return pino({
    level,
    base: { service, instance: instance ?? `${hostname()}:${process.pid}` },
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    // Every line logged while handling a request carries its correlation id.
    mixin: () => {
      const correlationId = currentCorrelationId();
      return correlationId ? { correlationId } : {};
    },
  });
}

/** Nest's LoggerService backed by pino: one JSON object per line, with context and correlation id. */
export class JsonLogger implements LoggerService {
  constructor(private readonly root: Pino) {}

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('trace', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }

  private write(level: 'info' | 'error' | 'warn' | 'debug' | 'trace' | 'fatal', message: unknown, rest: unknown[]): void {
    // A line below the level costs nothing (debug lines are written on every RPC and event).
    if (!this.root.isLevelEnabled(level)) return;
    // Nest passes the context (class name) last; errors pass a stack before it.
    const context = typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    const fields: Record<string, unknown> = context ? { context } : {};
    for (const extra of rest) {
      if (typeof extra === 'string') fields.stack = extra;
      else if (extra instanceof Error) fields.err = extra;
      else if (extra && typeof extra === 'object') Object.assign(fields, extra);
    }
    if (message instanceof Error) {
      this.root[level]({ ...fields, err: message }, message.message);
    } else if (message && typeof message === 'object') {
      this.root[level]({ ...fields, ...(message as object) });
    } else {
      this.root[level](fields, String(message));
    }
  }
}
