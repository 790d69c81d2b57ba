import { Injectable, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { AssignSharedRequest, DomainException, ErrorCode, RequestEvents, SharedAssignmentView, toCents, type SharePartInput } from '@coop/contracts';
import { OutboxService, Transactions } from '@coop/platform';
import { ProfessionalsPort, type ProfessionalFacts } from '../candidates/professionals.port.js';
import { contextOfRequest } from '../match-request/match-context.js';
import type { MatchRequestEntity } from '../match-request/match-request.entity.js';
import { MatchRequestRepository } from '../match-request/match-request.repository.js';
import { openRequest } from '../match-request/open-request.js';
import type { AssignmentEntity } from './assignment.entity.js';
import { AssignmentRepository } from './assignment.repository.js';
import { toAssignmentView } from './assignment.view.js';
import { EarlierAttempts, hasTerms } from './earlier-attempts.js';
import { giveBackUnlessHeld } from './give-back.js';
import { newAssignment } from './new-assignment.js';
import { checkShare, sharedAssignedEvent, totalCost, totalHours } from './share-parts.js';

/**
 * A coordinator shares a request between professionals. Like a single assignment: the request is
 * locked before anything is booked, what an attempt that died left booked is adopted (same
 * professional, window and hours) or released, and the parts still to book are booked in one
 * call that books all of them or none. An active part asked again as it is (same professional and
 * hours, after the other part declined) is kept; every other active assignment is replaced.
 */
@Injectable()
export class SharedAssignmentService {
  private readonly logger = new Logger(SharedAssignmentService.name);

  constructor(
    private readonly transactions: Transactions,
    private readonly requests: MatchRequestRepository,
    private readonly assignments: AssignmentRepository,
    private readonly professionals: ProfessionalsPort,
    private readonly outbox: OutboxService,
    private readonly earlierAttempts: EarlierAttempts,
  ) {}

  async assign(command: AssignSharedRequest): Promise<SharedAssignmentView> {
    const request = await openRequest(this.requests, this.transactions.manager, command.requestId);
    checkShare(command.parts, request.estimatedHours);
    const facts = await this.factsOf(request, command.parts);

    const reserved: string[] = [];
    try {
      return await this.transactions.run(async (manager) => {
        const locked = await openRequest(this.requests, manager, request.id, true);
        const active = await this.assignments.allActive(manager, locked.id);
        const kept = active.filter((a) => a.shareId !== null && command.parts.some((part) => sameAs(a, part)));
        const replaced = active.filter((a) => !kept.includes(a));
        if (kept.length === command.parts.length && replaced.length === 0) {
          throw new DomainException(ErrorCode.Conflict, 'The request is already shared this way');
        }
        const shareId = kept[0]?.shareId ?? randomUUID();
        const toBook = command.parts.filter((part) => !kept.some((a) => sameAs(a, part)));
        const terms = (part: SharePartInput) => ({ startDate: locked.startDate, endDate: locked.endDate, hours: part.hours });
        // A retry of an attempt that died after booking finds its bookings here and holds them.
        const adopted = await this.earlierAttempts.settleParts(manager, locked.id, (booking) =>
          toBook.some((part) => part.professionalId === booking.professionalId && hasTerms(booking, terms(part))),
        );
        const ids = new Map(toBook.map((part) => [part.professionalId, adopted.get(part.professionalId)?.assignmentId ?? randomUUID()]));
        const bookings = toBook
          .filter((part) => !adopted.has(part.professionalId))
          .map((part) => ({ assignmentId: ids.get(part.professionalId)!, professionalId: part.professionalId, requestId: locked.id, ...terms(part) }));
        if (bookings.length > 0) {
          await this.professionals.reserveShared(bookings);
          reserved.push(...bookings.map((booking) => booking.assignmentId));
        }
        for (const previous of replaced) await this.assignments.cancel(manager, previous.id);
        const added = toBook.map((part) => newAssignment(ids.get(part.professionalId)!, locked, facts.get(part.professionalId)!, part.hours, false, shareId));
        await this.assignments.insertAll(manager, added);
        // In the order asked: the first part is the share's face (assignmentId, professionalId of the event).
        const parts = command.parts.map((part) => kept.find((a) => sameAs(a, part)) ?? added.find((a) => a.professionalId === part.professionalId)!);
        await this.requests.setStatus(manager, locked.id, 'assigned');
        await this.outbox.record(manager, RequestEvents.assigned, {
          ...sharedAssignedEvent(locked, parts, shareId, false),
          ...(replaced.length > 0 ? { replacesAssignmentId: replaced[0].id, replacesAssignmentIds: replaced.map((a) => a.id) } : {}),
          ...(command.reason ? { reason: command.reason } : {}),
        });
        return { requestId: locked.id, shareId, hours: totalHours(parts), estimatedCost: totalCost(parts), parts: parts.map(toAssignmentView) };
      });
    } catch (error) {
      for (const assignmentId of reserved) await giveBackUnlessHeld(assignmentId, this.assignments, this.professionals, this.logger);
      throw error;
    }
  }

  /** Each part's professional: known, active, and not one who declined the request. */
  private async factsOf(request: MatchRequestEntity, parts: SharePartInput[]): Promise<Map<string, ProfessionalFacts>> {
    const declined = await this.assignments.declinedProfessionals(this.transactions.manager, request.id);
    const context = contextOfRequest(request, declined);
    const facts = new Map<string, ProfessionalFacts>();
    for (const [index, part] of parts.entries()) {
      const field = `parts.${index}.professionalId`;
      if (declined.has(part.professionalId)) throw new DomainException(ErrorCode.Conflict, 'This professional declined this request', [{ field, message: 'declined this request' }]);
      const found = await this.professionals.factsOf(part.professionalId, { ...context, estimatedHours: part.hours });
      if (!found) throw DomainException.notFound('Professional', part.professionalId);
      if (!found.active) throw new DomainException(ErrorCode.Conflict, 'This professional is inactive', [{ field, message: 'inactive' }]);
      facts.set(part.professionalId, found);
    }
    return facts;
  }
}

function sameAs(assignment: AssignmentEntity, part: SharePartInput): boolean {
  return assignment.professionalId === part.professionalId && toCents(assignment.hours) === toCents(part.hours);
}
