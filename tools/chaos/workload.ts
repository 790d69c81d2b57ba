// What the fault suite asks of the system while something fails: members, keys, webhook endpoints
// and professionals first, then a burst of requests (most of them assigned automatically) and
// coordinator actions on the others (assign, decline and assign again, complete, cancel). Every
// call is retried the way a partner system or a coordinator would retry it: on a refused
// connection, a 5xx, 429 or an idempotency key still in flight, with the same Idempotency-Key.
import { formatDay, mondayOf, today, type AssignmentView, type CreatedWebhookEndpointView, type IssuedCredentialView, type MatchListView, type MemberView, type ServiceRequestView } from '@coop/contracts';
import { sleep } from '../stack/wait.js';

const RETRY_FOR_MS = 120_000;
const DOMAIN = 'events';
/** Each request takes 7 h of one week; a professional has 35 h in it: room for five. */
const REQUEST_HOURS = 7;
const WEEKLY_CAPACITY = 35;

export interface WorkloadOptions {
  gatewayUrls: string[];
  adminKey: string;
  requests: number;
  professionals: number;
  /** Share of the requests whose member has a coordinator review them (the others are assigned automatically). */
  reviewShare: number;
  /** Base URL of the webhook receiver. */
  sinkUrl: string;
  timeZone: string;
}

export interface Seeded {
  coordinatorKey: string;
  memberIds: { auto: string; review: string };
  endpoints: Array<{ path: string; secret: string }>;
  professionalIds: string[];
}

/** The request each coordinator script step acts on, and what it did. */
export interface CoordinatorOutcome {
  requestId: string;
  script: 'assign' | 'decline-then-assign' | 'complete' | 'cancel';
  done: boolean;
}

class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: string,
  ) {
    super(`answered ${status}: ${body.slice(0, 200)}`);
  }
}

/** The gateway as clients see it: round robin over the gateway replicas, retrying what a client retries. */
export class RetryingClient {
  private next = 0;
  retries = 0;

  constructor(private readonly urls: string[]) {}

  async call<T>(method: string, path: string, key: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
    const deadline = Date.now() + RETRY_FOR_MS;
    for (let attempt = 1; ; attempt += 1) {
      const url = this.urls[this.next++ % this.urls.length];
      try {
        const response = await fetch(`${url}${path}`, {
          method,
          headers: { authorization: `Bearer ${key}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(15_000),
        });
        const text = await response.text();
        if (response.ok) return (text ? JSON.parse(text) : undefined) as T;
        const retryable = response.status >= 500 || response.status === 429 || (response.status === 409 && text.includes('idempotency_request_in_flight'));
        if (!retryable || Date.now() > deadline) throw new ApiError(response.status, text);
      } catch (error) {
        if (error instanceof ApiError) throw error;
        if (Date.now() > deadline) throw error;
      }
      this.retries += 1;
      await sleep(Math.min(250 * attempt, 1_000));
    }
  }
}

export class Workload {
  readonly client: RetryingClient;
  readonly window: { startDate: string; endDate: string };
  /** Requests accepted so far (202), and those of them a coordinator reviews. */
  readonly accepted: string[] = [];
  readonly review: string[] = [];
  private seeded: Seeded | undefined;

  constructor(private readonly options: WorkloadOptions) {
    this.client = new RetryingClient(options.gatewayUrls);
    const nextMonday = mondayOf(today(options.timeZone)) + 7;
    this.window = { startDate: formatDay(nextMonday), endDate: formatDay(nextMonday + 4) };
  }

  get seed(): Seeded {
    if (!this.seeded) throw new Error('seed() first');
    return this.seeded;
  }

  async seedData(): Promise<Seeded> {
    const { adminKey } = this.options;
    const member = (name: string, autoAssign: boolean) =>
      this.client.call<MemberView>('POST', '/v1/members', adminKey, { name, sector: 'housing', language: 'fr', region: 'quebec', contactEmail: `${autoAssign ? 'auto' : 'revue'}@federation.example`, autoAssign });
    const [auto, review] = [await member('Fédération automatique', true), await member('Fédération en revue', false)];
    const coordinatorKey = (await this.client.call<IssuedCredentialView>('POST', '/v1/credentials', adminKey, { role: 'coordinator', label: 'chaos' })).key;
    const endpoints: Seeded['endpoints'] = [];
    for (const [path, memberId] of [['/auto', auto.id], ['/review', review.id]] as const) {
      const partner = (await this.client.call<IssuedCredentialView>('POST', '/v1/credentials', adminKey, { role: 'partner', memberId, label: path })).key;
      const endpoint = await this.client.call<CreatedWebhookEndpointView>('POST', '/v1/webhooks', partner, {
        url: `${this.options.sinkUrl}${path}`,
        eventTypes: ['request.submitted', 'request.pending_review', 'request.assigned', 'request.unmatched', 'request.cancelled', 'assignment.declined', 'assignment.completed'],
      });
      endpoints.push({ path, secret: endpoint.secret });
    }
    const professionalIds: string[] = [];
    for (let i = 0; i < this.options.professionals; i += 1) {
      const created = await this.client.call<{ id: string }>('POST', '/v1/professionals', coordinatorKey, {
        fullName: `Organisatrice ${i + 1}`,
        email: `organisatrice.${i + 1}@consortium.example`,
        domains: [{ code: DOMAIN, level: 3 + (i % 3), years: 5 + i }],
        skills: ['congrès', 'assemblée générale'],
        bio: 'Organise les congrès et les assemblées des fédérations.',
        languages: ['fr'],
        region: 'quebec',
        coopExperience: { years: 4 + i, sectors: ['housing'], mandates: i },
        weeklyCapacityHours: WEEKLY_CAPACITY,
        costRate: 80 + i,
      });
      professionalIds.push(created.id);
    }
    this.seeded = { coordinatorKey, memberIds: { auto: auto.id, review: review.id }, endpoints, professionalIds };
    await this.untilSearchable();
    return this.seeded;
  }

  /** Every professional is seen free by the search index (and so by automatic assignment). */
  private async untilSearchable(): Promise<void> {
    const deadline = Date.now() + 60_000;
    for (;;) {
      const list = await this.client.call<MatchListView>('POST', '/v1/matches/search', this.seed.coordinatorKey, {
        domain: DOMAIN,
        ...this.window,
        hours: REQUEST_HOURS,
        language: 'fr',
        limit: 50,
      });
      if (list.candidates.filter((candidate) => candidate.available).length >= this.options.professionals) return;
      if (Date.now() > deadline) throw new Error('the professionals did not become searchable within 60 s');
      await sleep(200);
    }
  }

  /**
   * Submits the requests `concurrency` at a time into `accepted` (and, for the review member's, into
   * `review` too) as each is accepted (202), calling `onAccepted` with the running count.
   */
  async submitAll(concurrency: number, onAccepted: (count: number) => void): Promise<void> {
    const { coordinatorKey, memberIds } = this.seed;
    const reviewEvery = Math.max(1, Math.round(1 / this.options.reviewShare));
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < this.options.requests) {
        const i = next++;
        const forReview = i % reviewEvery === 0;
        const request = await this.client.call<ServiceRequestView>(
          'POST',
          '/v1/requests',
          coordinatorKey,
          {
            memberId: forReview ? memberIds.review : memberIds.auto,
            domain: DOMAIN,
            title: `Congrès régional ${i + 1}`,
            description: 'Organisation du congrès et de l’assemblée générale annuelle.',
            ...this.window,
            estimatedHours: REQUEST_HOURS,
            urgency: i % 7 === 0 ? 'critical' : 'normal',
          },
          { 'idempotency-key': `chaos-request-${i}` },
        );
        this.accepted.push(request.id);
        if (forReview) this.review.push(request.id);
        onAccepted(this.accepted.length);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
  }

  /**
   * A coordinator working through the review member's requests as they come up for review (the
   * script of each is chosen by its position), until every script is done once the submission is
   * over, or `giveUp()`.
   */
  async coordinate(requestIds: () => string[], submissionDone: () => boolean, giveUp: () => boolean): Promise<CoordinatorOutcome[]> {
    const scripts: Array<CoordinatorOutcome['script']> = ['assign', 'decline-then-assign', 'complete', 'cancel'];
    const outcomes = new Map<string, CoordinatorOutcome & { declined?: boolean }>();
    while (!giveUp()) {
      const finished = submissionDone();
      for (const [i, requestId] of requestIds().entries()) {
        if (!outcomes.has(requestId)) outcomes.set(requestId, { requestId, script: scripts[i % scripts.length], done: false });
        const outcome = outcomes.get(requestId)!;
        if (!outcome.done) outcome.done = await this.step(outcome);
      }
      if (finished && [...outcomes.values()].every((outcome) => outcome.done)) break;
      await sleep(300);
    }
    return [...outcomes.values()].map(({ requestId, script, done }) => ({ requestId, script, done }));
  }

  /** One step of a request's script; true once the script is finished. */
  private async step(outcome: CoordinatorOutcome & { declined?: boolean }): Promise<boolean> {
    const key = this.seed.coordinatorKey;
    const request = await this.client.call<ServiceRequestView>('GET', `/v1/requests/${outcome.requestId}`, key);
    if (request.status === 'unmatched' || request.status === 'completed' || request.status === 'cancelled') return true;
    if (outcome.script === 'cancel') {
      await this.client.call('POST', `/v1/requests/${outcome.requestId}/cancel`, key, { reason: 'reporté' }).catch(ignoreConflict);
      return false;
    }
    if (request.status === 'pending_review') {
      const matches = await this.client.call<MatchListView>('GET', `/v1/requests/${outcome.requestId}/matches?limit=1`, key);
      const best = matches.candidates.find((candidate) => candidate.available);
      // Nobody has room left: nothing a coordinator can do about this one.
      if (!best) return true;
      await this.client.call<AssignmentView>('POST', `/v1/requests/${outcome.requestId}/assignments`, key, { professionalId: best.professionalId }).catch(ignoreConflict);
      return false;
    }
    if (request.status !== 'assigned' || !request.assignment) return false;
    if (outcome.script === 'decline-then-assign' && !outcome.declined) {
      await this.client.call('POST', `/v1/assignments/${request.assignment.id}/decline`, key, { reason: 'Conflit d’intérêts' }).catch(ignoreConflict);
      outcome.declined = true;
      return false;
    }
    if (outcome.script === 'complete') {
      await this.client.call('POST', `/v1/assignments/${request.assignment.id}/complete`, key, { hoursSpent: REQUEST_HOURS - 1 }).catch(ignoreConflict);
      return false;
    }
    return true;
  }
}

/** A 409 means an earlier try of the same action (or a concurrent one) already moved the request on. */
function ignoreConflict(error: unknown): void {
  if (error instanceof ApiError && error.status === 409) return;
  throw error;
}
