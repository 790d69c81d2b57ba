import pg from 'pg';

/**
 * The names statements are prepared under: one per distinct text, the same on every connection of
 * the process, for up to `capacity` texts (a bound on what each connection keeps prepared on the
 * server); statements beyond it run unnamed, as pg does by default.
 */
export class StatementNames {
  private readonly names = new Map<string, string>();

  constructor(private readonly capacity: number) {}

  /** The name to prepare `text` under, or undefined once `capacity` texts have one. */
  nameOf(text: string): string | undefined {
    let name = this.names.get(text);
    if (name === undefined && this.names.size < this.capacity) {
      name = `coop_${this.names.size + 1}`;
      this.names.set(text, name);
    }
    return name;
  }
}

/** Distinct statements a process prepares at most. */
export const MAX_PREPARED_STATEMENTS = 500;
const statementNames = new StatementNames(MAX_PREPARED_STATEMENTS);

/**
 * The pg client every service connection uses (TypeORM's pool and repositories go through it).
 *
 * It prepares each parameterised statement once per connection (a named statement, in the extended
 * protocol): Postgres then parses and plans it once, not at every call, which was a quarter of its
 * CPU on the automatic-assignment path, where the same few dozen statements run over and over.
 * Statements without parameters (BEGIN, COMMIT…) are sent as they are.
 *
 * It also listens for 'error' all its life. pg-pool stops listening to a client while it is checked
 * out, and TypeORM stops as it releases one that failed: Postgres ending the connection in such a
 * moment (a restart, a failover, pg_terminate_backend) was an unhandled 'error' event, which ends
 * the process. Nothing is lost by only listening: the query in flight rejects on its own, and the
 * pool discards a client that failed.
 */
export class ServicePgClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    this.on('error', () => undefined);
  }
}

// pg's query() has a dozen overloads a subclass cannot restate: the override is assigned here. Only
// (text, values[, callback]) with values is changed; every other call goes to pg as it was.
const query = pg.Client.prototype.query as (this: pg.Client, ...args: unknown[]) => unknown;
ServicePgClient.prototype.query = function namedQuery(this: pg.Client, ...args: unknown[]) {
  const [text, values, callback] = args;
  if (typeof text === 'string' && Array.isArray(values) && values.length > 0) {
    const name = statementNames.nameOf(text);
    if (name !== undefined) return query.call(this, { name, text, values }, ...(typeof callback === 'function' ? [undefined, callback] : []));
  }
  return query.apply(this, args);
} as pg.Client['query'];
