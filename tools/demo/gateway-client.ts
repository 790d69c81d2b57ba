// The gateway API as the demo seeding calls it: JSON in and out, a key per call.

/** One page of any list route of the API. */
interface Page<Item> {
  items: Item[];
  nextCursor: string | null;
}

export class GatewayClient {
  constructor(private readonly baseUrl: string) {}

  async json<T>(method: string, path: string, key: string, body?: unknown): Promise<T> {
    const response = await this.send(method, path, key, body);
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text.slice(0, 300)}`);
    return JSON.parse(text) as T;
  }

  /** Every item of a list route, page after page. */
  async all<Item>(path: string, key: string): Promise<Item[]> {
    const items: Item[] = [];
    let cursor: string | null = null;
    do {
      const page: Page<Item> = await this.json<Page<Item>>('GET', `${path}?limit=200${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, key);
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return items;
  }

  /** Whether a stored key is still valid (a new database, or a revoked key, makes it unknown). */
  async keyWorks(key: string): Promise<boolean> {
    const response = await this.send('GET', '/v1/domains', key);
    await response.body?.cancel();
    if (response.status === 401) return false;
    if (!response.ok) throw new Error(`GET /v1/domains answered ${response.status}`);
    return true;
  }

  /** The raw answer, for callers that treat some failures as success (a 409 on create). */
  send(method: string, path: string, key: string, body?: unknown): Promise<Response> {
    return fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
  }
}
