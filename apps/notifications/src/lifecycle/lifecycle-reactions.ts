import { AssignmentEvents, type EventContract, RequestEvents, termsOf, type Urgency, type WebhookEventType } from '@coop/contracts';
import type { EmailRecipientType } from '../email/email-message.entity.js';
import type { EmailFacts, EmailKind } from '../email/email-templates.js';
import type { NewFeedEntry } from '../feed/feed.service.js';
import type { TrackedRequestEntity } from './tracked-request.entity.js';
import type { TrackedFields } from './tracked-requests.js';

/** Every lifecycle event names its request and member. */
export interface RequestEvent {
  requestId: string;
  memberId: string;
}

/** What is known of the request when an event arrives: the row, and the facts messages use. */
export interface SeenRequest {
  tracked: TrackedRequestEntity | null;
  facts: EmailFacts;
}

/** An email to send: its kind, to whom, and what it says beyond the request's facts. */
export interface EmailTo {
  kind: EmailKind;
  recipientType: EmailRecipientType;
  recipientId: string;
  facts: Partial<EmailFacts>;
}

/** A coordinator feed entry (about the event's request, for coordinators). */
export type FeedNote = Pick<NewFeedEntry, 'kind' | 'data'>;

/**
 * How notifications react to one lifecycle event, in this order: what is remembered of the
 * request, the webhook to the member's endpoints, the emails, the coordinator feed entry, and the
 * assignment the event ends.
 */
export interface Reaction<Payload extends RequestEvent> {
  webhook: WebhookEventType;
  /** What the member's endpoints receive (the event's data unless said). */
  published?(data: Payload): object;
  remember?(data: Payload): TrackedFields;
  emails?(data: Payload, request: SeenRequest): EmailTo[];
  feed?(data: Payload, request: SeenRequest): FeedNote | undefined;
  /** The assignment (or every part of a share) forgotten once the event is handled, so that a later cancellation tells nobody. */
  ends?(data: Payload, request: SeenRequest): string | string[] | null;
}

export interface ReactionEntry {
  contract: EventContract<RequestEvent>;
  reaction: Reaction<RequestEvent>;
}

function on<Payload extends RequestEvent>(contract: EventContract<Payload>, reaction: Reaction<Payload>): ReactionEntry {
  return { contract, reaction };
}

const URGENT: ReadonlySet<Urgency> = new Set<Urgency>(['high', 'critical']);

/** The terms messages quote. */
const WORDING = ['title', 'startDate', 'endDate'] as const;

/** One row per lifecycle event: whom notifications tell, and how. */
export const LIFECYCLE_REACTIONS: readonly ReactionEntry[] = [
  on(RequestEvents.submitted, {
    webhook: 'request.submitted',
    remember: (data) => termsOf(data, WORDING),
    feed: (data) =>
      URGENT.has(data.urgency)
        ? { kind: 'urgent_request', data: { requestId: data.requestId, title: data.title, urgency: data.urgency, domain: data.domain, startDate: data.startDate, endDate: data.endDate } }
        : undefined,
  }),
  on(RequestEvents.pendingReview, { webhook: 'request.pending_review' }),
  on(RequestEvents.assigned, {
    webhook: 'request.assigned',
    remember: (data) => ({
      assignmentId: data.assignmentId,
      professionalId: data.professionalId,
      shareParts: data.shareId && data.parts ? data.parts.map(({ assignmentId, professionalId }) => ({ assignmentId, professionalId })) : null,
    }),
    // The coordinator's reason for the choice is an internal note: the member's systems don't get it.
    published: ({ reason: _coordinatorNote, ...published }) => published,
    emails: (data): EmailTo[] => {
      if (data.shareId && data.parts) {
        // A shared request: each professional hears of their own hours and who shares it; the member of everyone.
        const shared = data.parts.map(({ professionalId, hours }) => ({ professionalId, hours }));
        return [
          ...data.parts.map((part): EmailTo => ({
            kind: 'professional.assigned',
            recipientType: 'professional',
            recipientId: part.professionalId,
            facts: { professionalId: part.professionalId, hours: part.hours, sharedWith: shared.filter((other) => other.professionalId !== part.professionalId) },
          })),
          { kind: 'member.assigned', recipientType: 'member', recipientId: data.memberId, facts: { professionalId: data.professionalId, hours: data.hours, sharedWith: shared } },
        ];
      }
      const facts = { professionalId: data.professionalId, hours: data.hours };
      return [
        { kind: 'professional.assigned', recipientType: 'professional', recipientId: data.professionalId, facts },
        { kind: 'member.assigned', recipientType: 'member', recipientId: data.memberId, facts },
      ];
    },
  }),
  on(RequestEvents.unmatched, {
    webhook: 'request.unmatched',
    emails: (data) => [{ kind: 'member.unmatched', recipientType: 'member', recipientId: data.memberId, facts: { reason: data.reason } }],
    feed: (data, { facts }) => ({ kind: 'request_unmatched', data: { requestId: data.requestId, title: facts.title ?? null, reason: data.reason } }),
  }),
  on(RequestEvents.cancelled, {
    webhook: 'request.cancelled',
    // Whoever holds it: the one professional, or each part's of a shared request (nobody assigned: no one to tell).
    emails: (data, { tracked }) =>
      holdersOf(tracked).map((professionalId): EmailTo => ({ kind: 'professional.cancelled', recipientType: 'professional', recipientId: professionalId, facts: { professionalId, reason: data.reason } })),
    ends: (_data, { tracked }) => [...(tracked?.professionalId && tracked.assignmentId ? [tracked.assignmentId] : []), ...(tracked?.shareParts ?? []).map((part) => part.assignmentId)],
  }),
  on(AssignmentEvents.declined, {
    webhook: 'assignment.declined',
    emails: (data) => [{ kind: 'professional.declined', recipientType: 'professional', recipientId: data.professionalId, facts: { professionalId: data.professionalId, reason: data.reason } }],
    feed: (data, { facts }) => ({
      kind: 'assignment_declined',
      data: { requestId: data.requestId, title: facts.title ?? null, assignmentId: data.assignmentId, professionalId: data.professionalId, reason: data.reason },
    }),
    ends: (data) => data.assignmentId,
  }),
  on(AssignmentEvents.completed, { webhook: 'assignment.completed', ends: (data) => data.assignmentId }),
];

/** Who holds the request now: the professional of each part of a share, else the one assigned. */
function holdersOf(tracked: TrackedRequestEntity | null): string[] {
  if (tracked?.shareParts?.length) return tracked.shareParts.map((part) => part.professionalId);
  return tracked?.professionalId ? [tracked.professionalId] : [];
}
