// node-postgres helpers for the launcher: probe a server, create the shared database.
import pg from 'pg';
import { errorMessage } from './provided-service.js';

/** Runs `work` with a connected client and always closes it. */
export async function withPgClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  // An idle client can emit 'error' when the server goes away; without a listener that crashes.
  client.on('error', () => undefined);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** undefined when `url` accepts a connection and a query, else the reason it does not. */
export async function connectionProblem(url: string): Promise<string | undefined> {
  try {
    await withPgClient(url, (client) => client.query('SELECT 1'));
    return undefined;
  } catch (error) {
    return errorMessage(error);
  }
}

/** Creates database `name` on the server of `serverUrl` if missing; returns a URL pointing at it. */
export async function ensureDatabase(serverUrl: string, name: string): Promise<string> {
  await withPgClient(serverUrl, async (client) => {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rows.length > 0) return;
    await client.query(`CREATE DATABASE "${name.replaceAll('"', '""')}"`).catch((error: unknown) => {
      // 42P04 duplicate_database: created concurrently by someone else, which is fine.
      if ((error as { code?: string }).code !== '42P04') throw error;
    });
  });
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
