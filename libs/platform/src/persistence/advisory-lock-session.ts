import pg from 'pg';

export interface AdvisoryLockSessionOptions {
  databaseUrl: string;
  /** The service's schema (its search_path on this connection). */
  schema: string;
  /**
   * Names the lock; every replica of the service uses the same name. Or a pair of 32-bit keys,
   * for a lock others look for in pg_locks (classid, objid).
   */
  lock: string | { classId: number; objectId: number };
  /** LISTENed to once the lock is held; notifications call `onNotification`. */
  channel?: string;
  onNotification?: () => void;
}

/**
 * A dedicated Postgres connection holding a session-level advisory lock: how one replica of a
 * service becomes the only one doing a job (publishing the outbox, writing the search index).
 * The lock lives as long as the connection; a dropped connection drops it, and the next
 * `tryAcquire()` starts over.
 */
export class AdvisoryLockSession {
  private client: pg.Client | undefined;
  private held = false;
  private everHeld = false;

  constructor(private readonly options: AdvisoryLockSessionOptions) {}

  get isHeld(): boolean {
    return this.held && !!this.client;
  }

  /** Whether this session held the lock at some point (it may have lost it since). */
  get wasEverHeld(): boolean {
    return this.everHeld;
  }

  /** Takes the lock if nobody holds it; true when this session holds it (now or already). */
  async tryAcquire(): Promise<boolean> {
    if (this.isHeld) return true;
    const client = await this.connect();
    const { lock } = this.options;
    const { rows } =
      typeof lock === 'string'
        ? await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [lock])
        : await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1::int, $2::int) AS locked', [lock.classId, lock.objectId]);
    this.held = rows[0].locked;
    this.everHeld ||= this.held;
    if (this.held && this.options.channel) await client.query(`LISTEN "${this.options.channel}"`);
    return this.held;
  }

  /** Runs a statement on the connection holding the lock; fails once the lock is lost. */
  async query<Row extends pg.QueryResultRow>(sql: string, params: unknown[] = []): Promise<Row[]> {
    if (!this.isHeld) throw new Error(`the advisory lock ${JSON.stringify(this.options.lock)} is not held`);
    return (await this.client!.query<Row>(sql, params)).rows;
  }

  /** Closes the connection, which releases the lock. */
  async release(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    this.held = false;
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<pg.Client> {
    if (this.client) return this.client;
    const client = new pg.Client({ connectionString: this.options.databaseUrl, options: `-c search_path=${this.options.schema}` });
    const onNotification = this.options.onNotification;
    if (onNotification) client.on('notification', () => onNotification());
    client.on('error', () => void this.release());
    await client.connect();
    this.client = client;
    return client;
  }
}
