import pg from 'pg';
import { ServicePgClient } from '@coop/platform';
import { infrastructureFromEnv } from '@coop/platform/testing';

/** What the connection has prepared on the server (pg_prepared_statements is per session). */
async function preparedOn(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ statement: string }>('SELECT statement FROM pg_prepared_statements ORDER BY prepare_time');
  return rows.map((row) => row.statement);
}

describe('the services’ Postgres connections prepare each parameterised statement once', () => {
  let client: ServicePgClient;

  beforeAll(async () => {
    client = new ServicePgClient({ connectionString: infrastructureFromEnv().databaseUrl });
    await client.connect();
  });
  afterAll(() => client.end());

  it('prepares a statement with parameters at its first run, and runs it prepared after', async () => {
    const text = 'SELECT $1::int + 1 AS next';

    const first = await client.query<{ next: number }>(text, [1]);
    const second = await client.query<{ next: number }>(text, [41]);

    expect([first.rows[0].next, second.rows[0].next]).toEqual([2, 42]);
    expect((await preparedOn(client)).filter((statement) => statement === text)).toHaveLength(1);
  });

  it('sends a statement without parameters as it is', async () => {
    await client.query('SELECT 1 AS one');

    expect(await preparedOn(client)).not.toContain('SELECT 1 AS one');
  });

  it('answers the callback form, and through a pool as TypeORM uses it', async () => {
    const viaCallback = await new Promise<number>((resolve, reject) =>
      client.query('SELECT $1::int * 2 AS twice', [21], (error: Error | null, result: pg.QueryResult<{ twice: number }>) => (error ? reject(error) : resolve(result.rows[0].twice))),
    );
    const pool = new pg.Pool({ connectionString: infrastructureFromEnv().databaseUrl, Client: ServicePgClient, max: 1 });
    try {
      const viaPool = await pool.query<{ upper: string }>('SELECT upper($1::text) AS upper', ['coop']);
      const pooled = await pool.connect();
      const prepared = await preparedOn(pooled).finally(() => pooled.release());

      expect([viaCallback, viaPool.rows[0].upper]).toEqual([42, 'COOP']);
      expect(prepared).toContain('SELECT upper($1::text) AS upper');
    } finally {
      await pool.end();
    }
  });

  it('reports a failing statement like pg does, and keeps working', async () => {
    await expect(client.query('SELECT $1::int / 0', [1])).rejects.toThrow('division by zero');

    expect((await client.query<{ n: number }>('SELECT $1::int AS n', [7])).rows[0].n).toBe(7);
  });
});
