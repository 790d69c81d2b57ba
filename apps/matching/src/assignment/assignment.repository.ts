import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { AssignmentEntity } from './assignment.entity.js';

/** The assignments' table (queries only; the rules are the services'). */
@Injectable()
export class AssignmentRepository {
  /** The professionals who declined the request: never candidates for it again. */
  async declinedProfessionals(manager: EntityManager, requestId: string): Promise<Set<string>> {
    const rows = await manager.find(AssignmentEntity, { where: { requestId, status: 'declined' }, select: { professionalId: true } });
    return new Set(rows.map((row) => row.professionalId));
  }
}
