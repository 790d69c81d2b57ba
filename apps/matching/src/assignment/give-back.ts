import type { Logger } from '@nestjs/common';
import type { ProfessionalsPort } from '../candidates/professionals.port.js';
import type { AssignmentRepository } from './assignment.repository.js';

/**
 * After a coordinator's assignment whose transaction failed: releases the booking it made, unless
 * the assignment exists after all (a commit whose answer was lost) or that cannot be known now
 * (Postgres gone), in which case the next attempt on the request, or the reconciler, settles it.
 */
export async function giveBackUnlessHeld(assignmentId: string, assignments: AssignmentRepository, professionals: ProfessionalsPort, logger: Logger): Promise<void> {
  try {
    if (await assignments.exists(assignmentId)) return;
    await professionals.release(assignmentId);
  } catch (releaseError: unknown) {
    logger.error({ msg: 'could not give back a booking after a failed assignment; the next attempt or the reconciler will', assignmentId, err: releaseError });
  }
}
