import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

/**
 * The service's database transactions: `run` calls `work` in one transaction and commits when it
 * resolves. What services ask of the database goes through repositories that take the `manager`;
 * this is the one seam a unit spec replaces (see `inlineTransactions` in @coop/platform/testing).
 */
@Injectable()
export class Transactions {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  /**
   * Takes a transaction-scoped advisory lock named `name` without waiting: false when another
   * transaction holds it (how one replica at a time runs a periodic job).
   */
  async tryLock(manager: EntityManager, name: string): Promise<boolean> {
    const [{ locked }] = await manager.query<Array<{ locked: boolean }>>('SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked', [name]);
    return locked;
  }

  /** For reads outside a transaction. */
  get manager(): EntityManager {
    return this.dataSource.manager;
  }
}
