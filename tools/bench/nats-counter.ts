/**
 * The NATS server's own count of the messages clients sent it (`in_msgs` of its monitoring
 * endpoint's `/varz`: publishes, requests and their replies, acknowledgements, pulls). Only for a
 * server the benchmark started, which has that endpoint and no other traffic.
 */
export class NatsCounter {
  constructor(private readonly monitorUrl: string) {}

  async messagesIn(): Promise<number> {
    const response = await fetch(`${this.monitorUrl}/varz`);
    if (!response.ok) throw new Error(`NATS /varz answered ${response.status}`);
    return ((await response.json()) as { in_msgs: number }).in_msgs;
  }
}
