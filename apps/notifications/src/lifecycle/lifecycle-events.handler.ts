import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  AssignmentCompletedEvent,
  AssignmentDeclinedEvent,
  AssignmentEvents,
  RequestAssignedEvent,
  RequestCancelledEvent,
  RequestEvents,
  RequestPendingReviewEvent,
  RequestSubmittedEvent,
  RequestUnmatchedEvent,
  type EventEnvelope,
  type SharePart,
  type Urgency,
  type WebhookEventType,
} from '@coop/contracts';
import { OnEvent } from '@coop/platform';
import { EmailOutbox } from '../email/email-outbox.js';
import type { EmailFacts } from '../email/email-templates.js';
import { FeedService } from '../feed/feed.service.js';
import { WebhookDeliveryService } from '../webhooks/webhook-delivery.service.js';
import { TrackedRequestEntity, type TrackedPart } from './tracked-request.entity.js';

const URGENT: ReadonlySet<Urgency> = new Set<Urgency>(['high', 'critical']);

/**
 * Reacts to the request and assignment lifecycle: webhooks to the member's endpoints, emails to
 * the professional and the member's contact, entries in the coordinator feed. Each handler runs in
 * the consumer's transaction, so an event yields all of its notifications or none, exactly once.
 */
@Injectable()
export class LifecycleEventsHandler {
  constructor(
    private readonly webhooks: WebhookDeliveryService,
    private readonly emails: EmailOutbox,
    private readonly feed: FeedService,
  ) {}

  @OnEvent(RequestEvents.submitted)
  async submitted(data: RequestSubmittedEvent, envelope: EventEnvelope, manager: EntityManager): Promise<void> {
    await manager.query(
      `INSERT INTO tracked_request (request_id, member_id, title, start_date, end_date) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (request_id) DO UPDATE SET title = EXCLUDED.title, start_date = EXCLUDED.start_date, end_date = EXCLUDED.end_date`,
      [data.requestId, data.memberId, data.title, data.startDate, data.endDate],
    );
    await this.toWebhooks(manager, 'request.submitted', data, envelope);
    if (URGENT.has(data.urgency)) {
      await this.feed.record(manager, {
        kind: 'urgent_request',
        audience: 'coordinators',
        sourceKey: envelope.id,
        requestId: data.requestId,
        memberId: data.memberId,
        data: { requestId: data.requestId, title: data.title, urgency: data.urgency, domain: data.domain, startDate: data.startDate, endDate: data.endDate },
      });
    }
  }

  @OnEvent(RequestEvents.pendingReview)
  async pendingReview(data: RequestPendingReviewEvent, envelope: EventEnvelope, manager: EntityManager): Promise<void> {
    await this.toWebhooks(manager, 'request.pending_review', data, envelope);
  }

  @OnEvent(RequestEvents.assigned)
  async assigned(data: RequestAssignedEvent, envelope: EventEnvelope, manager: EntityManager): Promise<void> {
    const parts = data.shareId && data.parts ? data.parts : null;
    await manager.query(
      `INSERT INTO tracked_request (request_id, member_id, assignment_id, professional_id, share_parts) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (request_id) DO UPDATE SET assignment_id = EXCLUDED.assignment_id, professional_id = EXCLUDED.professional_id, share_parts = EXCLUDED.share_parts`,
      [data.requestId, data.memberId, data.assignmentId, data.professionalId, parts ? JSON.stringify(parts.map(trackedPart)) : null],
    );
    // The coordinator's reason for the choice is an internal note: the member's systems don't get it.
    const { reason: _coordinatorNote, ...published } = data;
    await this.toWebhooks(manager, 'request.assigned', published, envelope);
    const request = await this.requestFacts(manager, data);
    if (parts) {
      // A shared request: each professional hears of their own hours and who shares it; the member of everyone.
      const shared = parts.map((part) => ({ professionalId: part.professionalId, hours: part.hours }));
      for (const part of parts) {
        const facts = { ...request, professionalId: part.professionalId, hours: part.hours, sharedWith: shared.filter((other) => other.professionalId !== part.professionalId) };
        await this.emails.enqueue(manager, { eventId: envelope.id, kind: 'professional.assigned', recipientType: 'professional', recipientId: part.professionalId, facts });
      }
      const facts = { ...request, professionalId: data.professionalId, hours: data.hours, sharedWith: shared };
      await this.emails.enqueue(manager, { eventId: envelope.id, kind: 'member.assigned', recipientType: 'member', recipientId: data.memberId, facts });
      return;
    }
    const facts = { ...request, professionalId: data.professionalId, hours: data.hours };
    await this.emails.enqueue(manager, { eventId: envelope.id, kind: 'professional.assigned', recipientType: 'professional', recipientId: data.professionalId, facts });
    await this.emails.enqueue(manager, { eventId: envelope.id, kind: 'member.assigned', recipientType: 'member', recipientId: data.memberId, facts });
  }

  @OnEvent(RequestEvents.unmatched)
  async unmatched(data: RequestUnmatchedEvent, envelope: EventEnvelope, manager: EntityManager): Promise<void> {
    await this.toWebhooks(manager, 'request.unmatched', data, envelope);
    const facts = { ...(await this.requestFacts(manager, data)), reason: data.reason };
    await this.emails.enqueue(manager, { eventId: envelope.id, kind: 'member.unmatched', recipientType: 'member', recipientId: data.memberId, facts });
    await this.feed.record(manager, {
      kind: 'request_unmatched',
      audience: 'coordinators',
      sourceKey: envelope.id,
      requestId: data.requestId,
      memberId: data.memberId,
      data: { requestId: data.requestId, title: facts.title ?? null, reason: data.reason },
    });
  }

  @OnEvent(RequestEvents.cancelled)
  async cancelled(data: RequestCancelledEvent, envelope: EventEnvelope, manager: EntityManager): Promise<void> {
    await this.toWebhooks(manager, 'request.cancelled', data, envelope);
    const tracked = await manager.findOneBy(TrackedRequestEntity, { requestId: data.requestId });
    // Whoever holds it: the one professional, or each part's of a shared request.
    const holders = tracked?.shareParts?.length ? tracked.shareParts.map((part) => part.professionalId) : tracked?.professionalId ? [tracked.professionalId] : [];
    if (!tracked || holders.length === 0) return; // nobody was assigned: no professional to tell
    for (const professionalId of holders) {
      const facts = { ...factsFrom(tracked, data), professionalId, reason: data.reason };
      await this.emails.enqueue(manager, { eventId: envelope.id, kind: 'professional.cancelled', recipientType: 'professional', recipientId: professionalId, facts });
    }
    await this.releaseAssignment(manager, data.requestId, tracked.assignmentId);
    await this.forgetParts(manager, data.requestId, tracked.shareParts?.map((part) => part.assignmentId) ?? []);
  }

  @OnEvent(AssignmentEvents.declined)
  async declined(data: AssignmentDeclinedEvent, envelope: EventEnvelope, manager: EntityManager): Promise<void> {
    await this.toWebhooks(manager, 'assignment.declined', data, envelope);
    const facts = { ...(await this.requestFacts(manager, data)), professionalId: data.professionalId, reason: data.reason };
    await this.emails.enqueue(manager, { eventId: envelope.id, kind: 'professional.declined', recipientType: 'professional', recipientId: data.professionalId, facts });
    await this.feed.record(manager, {
      kind: 'assignment_declined',
      audience: 'coordinators',
      sourceKey: envelope.id,
      requestId: data.requestId,
      memberId: data.memberId,
      data: { requestId: data.requestId, title: facts.title ?? null, assignmentId: data.assignmentId, professionalId: data.professionalId, reason: data.reason },
    });
    await this.releaseAssignment(manager, data.requestId, data.assignmentId);
    await this.forgetParts(manager, data.requestId, [data.assignmentId]);
  }

  @OnEvent(AssignmentEvents.completed)
  async completed(data: AssignmentCompletedEvent, envelope: EventEnvelope, manager: EntityManager): Promise<void> {
    await this.toWebhooks(manager, 'assignment.completed', data, envelope);
    await this.releaseAssignment(manager, data.requestId, data.assignmentId);
    await this.forgetParts(manager, data.requestId, [data.assignmentId]);
  }

  /** Parts of a shared request no one holds any more (declined, completed, cancelled). */
  private async forgetParts(manager: EntityManager, requestId: string, assignmentIds: string[]): Promise<void> {
    const tracked = await manager.findOneBy(TrackedRequestEntity, { requestId });
    if (!tracked?.shareParts) return;
    const left = tracked.shareParts.filter((part) => !assignmentIds.includes(part.assignmentId));
    await manager.query('UPDATE tracked_request SET share_parts = $2 WHERE request_id = $1', [requestId, left.length > 0 ? JSON.stringify(left) : null]);
  }

  private toWebhooks(manager: EntityManager, type: WebhookEventType, data: { requestId: string; memberId: string }, envelope: EventEnvelope): Promise<number> {
    return this.webhooks.enqueue(manager, { eventId: envelope.id, type, memberId: data.memberId, requestId: data.requestId, occurredAt: envelope.occurredAt, data });
  }

  /** What the emails say about the request, from what this service saw of it (may be little). */
  private async requestFacts(manager: EntityManager, data: { requestId: string; memberId: string }): Promise<EmailFacts> {
    return factsFrom(await manager.findOneBy(TrackedRequestEntity, { requestId: data.requestId }), data);
  }

  /** Forgets the assignment (if it is still the current one), so a later cancellation tells nobody. */
  private async releaseAssignment(manager: EntityManager, requestId: string, assignmentId: string | null): Promise<void> {
    await manager.query('UPDATE tracked_request SET assignment_id = NULL, professional_id = NULL WHERE request_id = $1 AND assignment_id = $2', [
      requestId,
      assignmentId,
    ]);
  }
}

function factsFrom(tracked: TrackedRequestEntity | null, data: { requestId: string; memberId: string }): EmailFacts {
  return { requestId: data.requestId, memberId: data.memberId, title: tracked?.title ?? null, startDate: tracked?.startDate ?? null, endDate: tracked?.endDate ?? null };
}

function trackedPart(part: SharePart): TrackedPart {
  return { assignmentId: part.assignmentId, professionalId: part.professionalId };
}
