import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { EventEnvelope } from '@coop/contracts';
import { type EventBinding, EventTable, onEvent } from '@coop/platform';
import { EmailOutbox } from '../email/email-outbox.js';
import { FeedService } from '../feed/feed.service.js';
import { WebhookDeliveryService } from '../webhooks/webhook-delivery.service.js';
import { LIFECYCLE_REACTIONS, type Reaction, type RequestEvent, type SeenRequest } from './lifecycle-reactions.js';
import { TrackedRequests } from './tracked-requests.js';

/**
 * Reacts to the request and assignment lifecycle as LIFECYCLE_REACTIONS says: webhooks to the
 * member's endpoints, emails to the professional and the member's contact, entries in the
 * coordinator feed. Each event is handled in the consumer's transaction, so it yields all of its
 * notifications or none, exactly once.
 */
@Injectable()
export class LifecycleEventsHandler {
  constructor(
    private readonly webhooks: WebhookDeliveryService,
    private readonly emails: EmailOutbox,
    private readonly feed: FeedService,
    private readonly tracked: TrackedRequests,
  ) {}

  @EventTable()
  handlers(): EventBinding<RequestEvent>[] {
    return LIFECYCLE_REACTIONS.map(({ contract, reaction }) => onEvent(contract, (data, envelope, manager) => this.react(reaction, data, envelope, manager)));
  }

  async react<Payload extends RequestEvent>(reaction: Reaction<Payload>, data: Payload, envelope: EventEnvelope, manager: EntityManager): Promise<void> {
    if (reaction.remember) await this.tracked.remember(manager, data, reaction.remember(data));
    await this.webhooks.enqueue(manager, {
      eventId: envelope.id,
      type: reaction.webhook,
      memberId: data.memberId,
      requestId: data.requestId,
      occurredAt: envelope.occurredAt,
      data: reaction.published?.(data) ?? data,
    });
    if (!reaction.emails && !reaction.feed && !reaction.ends) return;
    const seen = await this.seen(manager, data);
    for (const email of reaction.emails?.(data, seen) ?? []) {
      await this.emails.enqueue(manager, { eventId: envelope.id, kind: email.kind, recipientType: email.recipientType, recipientId: email.recipientId, facts: { ...seen.facts, ...email.facts } });
    }
    const note = reaction.feed?.(data, seen);
    if (note) await this.feed.record(manager, { ...note, audience: 'coordinators', sourceKey: envelope.id, requestId: data.requestId, memberId: data.memberId });
    const ended = reaction.ends?.(data, seen);
    for (const assignmentId of typeof ended === 'string' ? [ended] : (ended ?? [])) await this.tracked.forgetAssignment(manager, data.requestId, assignmentId);
  }

  /** What the messages say about the request, from what this service saw of it (may be little). */
  private async seen(manager: EntityManager, data: RequestEvent): Promise<SeenRequest> {
    const tracked = await this.tracked.find(manager, data.requestId);
    return {
      tracked,
      facts: { requestId: data.requestId, memberId: data.memberId, title: tracked?.title ?? null, startDate: tracked?.startDate ?? null, endDate: tracked?.endDate ?? null },
    };
  }
}
