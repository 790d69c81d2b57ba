import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { DomainException, ErrorCode, IdempotencyKeyRef } from '@coop/contracts';
import { canonicalJson } from './canonical-json.js';
import { IdempotencyRepository } from './idempotency.repository.js';

/** How long a key is remembered. */
export const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;
const SWEEP_INTERVAL_MS = 15 * 60_000;

export interface IdempotentOutcome<Response> {
  response: Response;
  replayed: boolean;
}

/**
 * Idempotency-Key semantics, kept in this service's database so any number of gateways agree:
 * - the same key and request again: the stored first response (`replayed`);
 * - the same key with another request: `idempotency_key_reused` (422);
 * - while the first is still running: `idempotency_request_in_flight` (409).
 * "Running" is a transaction-scoped advisory lock on (scope, key), taken without waiting inside the
 * caller's transaction: the response row commits together with the work, and a crash releases the
 * lock with nothing stored, so a retry simply runs again. Failures are not stored either (as with
 * Stripe): a request refused as invalid can be corrected and sent again with the same key.
 */
@Injectable()
export class IdempotencyService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(IdempotencyService.name);
  private sweeper: NodeJS.Timeout | undefined;

  constructor(private readonly records: IdempotencyRepository) {}

  async run<Response extends object>(
    manager: EntityManager,
    ref: IdempotencyKeyRef | undefined,
    request: object,
    work: () => Promise<Response>,
  ): Promise<IdempotentOutcome<Response>> {
    if (!ref) return { response: await work(), replayed: false };
    if (!(await this.records.tryLock(manager, ref))) {
      throw new DomainException(ErrorCode.IdempotencyRequestInFlight, 'A request with this Idempotency-Key is still being processed; retry later');
    }
    const requestHash = createHash('sha256').update(canonicalJson(request)).digest('hex');
    const stored = await this.records.findLive(manager, ref);
    if (stored) {
      if (stored.requestHash !== requestHash) {
        throw new DomainException(ErrorCode.IdempotencyKeyReused, 'This Idempotency-Key was already used with a different request');
      }
      return { response: stored.response as Response, replayed: true };
    }
    const response = await work();
    await this.records.save(manager, { scope: ref.scope, key: ref.key, requestHash, response, expiresAt: new Date(Date.now() + IDEMPOTENCY_TTL_MS) });
    return { response, replayed: false };
  }

  onApplicationBootstrap(): void {
    this.sweeper = setInterval(() => void this.sweep(), SWEEP_INTERVAL_MS);
    this.sweeper.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.sweeper);
  }

  /** Forgets expired keys (any replica may do it; the delete is harmless twice). */
  async sweep(): Promise<number> {
    try {
      return await this.records.deleteExpired();
    } catch (error) {
      this.logger.warn({ msg: 'sweeping expired idempotency keys failed', err: error });
      return 0;
    }
  }
}
