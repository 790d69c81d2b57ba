import pg from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import { createDataSource } from '@coop/platform';
import { createTestEnvironment, type TestEnvironment } from '@coop/platform/testing';

/**
 * Postgres ending a service's connections (a restart, a failover, pg_terminate_backend) fails what
 * was in flight on them, and nothing more: the process lives on and the next transaction gets a
 * fresh connection. A connection that dies while its transaction waits for something else (an RPC
 * in the middle of a handler's transaction) used to take the whole process down with an unhandled
 * 'error' event.
 */
describe('losing a database connection', () => {
  let environment: TestEnvironment;
  let dataSource: DataSource;
  let admin: pg.Client;

  beforeAll(async () => {
    environment = await createTestEnvironment();
    dataSource = await createDataSource({ schema: 'public', entities: [], migrations: [] }, { url: environment.databaseUrl, poolSize: 2 }).initialize();
    admin = new pg.Client({ connectionString: environment.databaseUrl });
    await admin.connect();
  });
  afterAll(async () => {
    await admin?.end();
    await dataSource?.destroy();
    await environment?.dispose();
  });

  const terminate = (pid: number) => admin.query('SELECT pg_terminate_backend($1)', [pid]);

  it('fails the transaction whose connection was ended while it waited, and the next one works', async () => {
    const failed = dataSource.transaction(async (manager) => {
      const [{ pid }] = await manager.query<Array<{ pid: number }>>('SELECT pg_backend_pid() AS pid');
      // Idle in its transaction, as while a handler waits for another service's answer.
      await terminate(pid);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await manager.query('SELECT 1');
    });

    await expect(failed).rejects.toThrow();
    await new Promise((resolve) => setTimeout(resolve, 300));
    await expect(dataSource.query('SELECT 1 AS one')).resolves.toEqual([{ one: 1 }]);
  });

  it('survives the end of a connection nobody listens to at that moment', async () => {
    // A client out of the pool with no query running: pg-pool does not listen to it then, and
    // TypeORM stops listening as it releases one. That is when Postgres ending it used to kill the process.
    const pool = (dataSource.driver as PostgresDriver).master as pg.Pool;
    const client = await pool.connect();
    const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    await terminate(rows[0].pid);
    await new Promise((resolve) => setTimeout(resolve, 300));
    client.release(true);

    await expect(dataSource.query('SELECT 3 AS three')).resolves.toEqual([{ three: 3 }]);
  });

  it('survives the end of idle pooled connections', async () => {
    const pids = await Promise.all([0, 1].map(() => dataSource.query<Array<{ pid: number }>>('SELECT pg_backend_pid() AS pid')));
    for (const [{ pid }] of pids) await terminate(pid);
    await new Promise((resolve) => setTimeout(resolve, 300));

    await expect(dataSource.query('SELECT 2 AS two')).resolves.toEqual([{ two: 2 }]);
  });
});
