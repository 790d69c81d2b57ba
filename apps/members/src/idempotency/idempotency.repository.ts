import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import type { IdempotencyKeyRef } from '@coop/contracts';
import { IdempotencyRecordEntity } from './idempotency-record.entity.js';

export type NewIdempotencyRecord = Pick<IdempotencyRecordEntity, 'scope' | 'key' | 'requestHash' | 'response' | 'expiresAt'>;

/** The idempotency keys' table and locks (SQL only; the rules are IdempotencyService's). */
@Injectable()
export class IdempotencyRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Takes the key's transaction-scoped advisory lock without waiting: false when another transaction holds it. */
  async tryLock(manager: EntityManager, ref: IdempotencyKeyRef): Promise<boolean> {
    const [{ locked }] = (await manager.query('SELECT pg_try_advisory_xact_lock($1::bigint) AS locked', [lockKey(ref)])) as { locked: boolean }[];
    return locked;
  }

  /** The key's record, unless it has expired. */
  findLive(manager: EntityManager, ref: IdempotencyKeyRef): Promise<IdempotencyRecordEntity | null> {
    return manager
      .getRepository(IdempotencyRecordEntity)
      .createQueryBuilder('k')
      .where('k.scope = :scope AND k.key = :key AND k.expires_at > now()', { scope: ref.scope, key: ref.key })
      .getOne();
  }

  /** Stores the outcome; an expired row for the key may still be there, and is replaced. */
  async save(manager: EntityManager, record: NewIdempotencyRecord): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(IdempotencyRecordEntity)
      .values(record)
      .orUpdate(['request_hash', 'response', 'created_at', 'expires_at'], ['scope', 'key'])
      .execute();
  }

  /** Deletes expired keys; how many. */
  async deleteExpired(): Promise<number> {
    const result = await this.dataSource.getRepository(IdempotencyRecordEntity).createQueryBuilder().delete().where('expires_at <= now()').execute();
    return result.affected ?? 0;
  }
}

/** A 64-bit advisory lock id for (scope, key), namespaced: other services share the database. */
function lockKey(ref: IdempotencyKeyRef): string {
  const digest = createHash('sha256').update(`members.idempotency\n${ref.scope}\n${ref.key}`).digest();
  return digest.readBigInt64BE(0).toString();
}
