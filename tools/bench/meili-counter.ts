/**
 * Meilisearch's own count of multi-search calls (its experimental `/metrics`, switched on for the
 * phase and back off after, if it was off).
 */
export class MeiliCounter {
  private wasOn = false;

  constructor(
    private readonly url: string,
    private readonly key: string,
  ) {}

  async enable(): Promise<void> {
    const current = await this.call<{ metrics: boolean }>('GET', '/experimental-features');
    this.wasOn = current.metrics;
    if (!this.wasOn) await this.call('PATCH', '/experimental-features', { metrics: true });
  }

  async restore(): Promise<void> {
    if (!this.wasOn) await this.call('PATCH', '/experimental-features', { metrics: false });
  }

  async multiSearches(): Promise<number> {
    const response = await fetch(`${this.url}/metrics`, { headers: { authorization: `Bearer ${this.key}` } });
    const text = await response.text();
    if (!response.ok) throw new Error(`Meilisearch /metrics answered ${response.status}: ${text.slice(0, 200)}`);
    return text
      .split('\n')
      .filter((line) => line.startsWith('meilisearch_http_requests_total{') && line.includes('method="POST"') && line.includes('path="/multi-search"'))
      .reduce((sum, line) => sum + Number(line.split(' ').pop()), 0);
  }

  private async call<T>(method: string, path: string, body?: object): Promise<T> {
    const response = await fetch(`${this.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${this.key}`, 'content-type': 'application/json' },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    if (!response.ok) throw new Error(`Meilisearch ${method} ${path} answered ${response.status}`);
    return (await response.json()) as T;
  }
}
