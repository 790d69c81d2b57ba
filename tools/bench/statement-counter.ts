import type pg from 'pg';

/**
 * Postgres's own count of the statements run in one database (pg_stat_statements, top-level
 * statements: each a round trip, BEGIN and COMMIT included). Available when the server loads the
 * module (the benchmark's embedded cluster does); otherwise `enable` says so and nothing is counted.
 */
export class StatementCounter {
  constructor(
    private readonly pool: pg.Pool,
    private readonly database: string,
  ) {}

  /** True when the server counts statements (the extension is made in the database if need be). */
  async enable(): Promise<boolean> {
    const { rows } = await this.pool.query<{ loaded: boolean }>(
      String.raw`SELECT 'pg_stat_statements' = ANY(regexp_split_to_array(current_setting('shared_preload_libraries'), '\s*,\s*')) AS loaded`,
    );
    if (!rows[0].loaded) return false;
    await this.pool.query('CREATE EXTENSION IF NOT EXISTS pg_stat_statements');
    return true;
  }

  async statements(): Promise<number> {
    const { rows } = await this.pool.query<{ calls: string }>(
      // The benchmark's own readings (this one, the CPU sampler's look at pg_stat_activity) left out.
      `SELECT coalesce(sum(calls), 0) AS calls FROM pg_stat_statements
       WHERE dbid = (SELECT oid FROM pg_database WHERE datname = $1) AND query NOT LIKE '%pg_stat_%'`,
      [this.database],
    );
    return Number(rows[0].calls);
  }
}
