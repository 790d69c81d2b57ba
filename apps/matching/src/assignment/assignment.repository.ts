import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { entityInsert, type Statement } from '@coop/platform';
import { AssignmentEntity } from './assignment.entity.js';

/** The assignments' table (queries only; the rules are the services'). */
@Injectable()
export class AssignmentRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** The professionals who declined the request: never candidates for it again. */
  async declinedProfessionals(manager: EntityManager, requestId: string): Promise<Set<string>> {
    const rows = await manager.find(AssignmentEntity, { where: { requestId, status: 'declined' }, select: { professionalId: true } });
    return new Set(rows.map((row) => row.professionalId));
  }

  /** Those of these assignments that keep their booking: active, or completed (the hours were worked). */
  async holdingBookings(manager: EntityManager, assignmentIds: string[]): Promise<Set<string>> {
    if (assignmentIds.length === 0) return new Set();
    const rows = await manager.find(AssignmentEntity, { where: { id: In(assignmentIds), status: In(['active', 'completed']) }, select: { id: true } });
    return new Set(rows.map((row) => row.id));
  }

  /** The request's active assignment, if any. */
  active(manager: EntityManager, requestId: string): Promise<AssignmentEntity | null> {
    return manager.findOneBy(AssignmentEntity, { requestId, status: 'active' });
  }

  /** The request's active assignments, oldest first: none, the one held alone, or the parts of its share. */
  allActive(manager: EntityManager, requestId: string): Promise<AssignmentEntity[]> {
    return manager.find(AssignmentEntity, { where: { requestId, status: 'active' }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** The request's active, declined and completed assignments, oldest first (a share's standing parts among them). */
  standing(manager: EntityManager, requestId: string): Promise<AssignmentEntity[]> {
    return manager.find(AssignmentEntity, { where: { requestId, status: In(['active', 'declined', 'completed']) }, order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** Inserts the parts of a share together. */
  async insertAll(manager: EntityManager, assignments: AssignmentEntity[]): Promise<void> {
    if (assignments.length > 0) await manager.insert(AssignmentEntity, assignments);
  }

  /** The request an assignment is for (unlocked), to lock the request before it. */
  async requestOf(manager: EntityManager, assignmentId: string): Promise<string | undefined> {
    return (await manager.findOne(AssignmentEntity, { where: { id: assignmentId }, select: { id: true, requestId: true } }))?.requestId;
  }

  /** The assignment, locked for the rest of the transaction. */
  lock(manager: EntityManager, assignmentId: string): Promise<AssignmentEntity | null> {
    return manager.findOne(AssignmentEntity, { where: { id: assignmentId }, lock: { mode: 'pessimistic_write' } });
  }

  /** Whether it was saved (outside any transaction). */
  exists(assignmentId: string): Promise<boolean> {
    return this.dataSource.manager.existsBy(AssignmentEntity, { id: assignmentId });
  }

  /** Written in SQL: one per request assigned (see entity-sql.ts in @coop/platform). */
  async insert(manager: EntityManager, assignment: AssignmentEntity): Promise<void> {
    const { text, values } = this.insertion(manager, assignment);
    await manager.query(text, values);
  }

  /** The insert as a statement, to run along with another (the request's move to assigned). */
  insertion(manager: EntityManager, assignment: AssignmentEntity): Statement {
    return entityInsert(manager, AssignmentEntity, assignment);
  }

  save(manager: EntityManager, assignment: AssignmentEntity): Promise<AssignmentEntity> {
    return manager.save(assignment);
  }

  /** Ends an assignment a new one replaces, or whose request was cancelled. */
  async cancel(manager: EntityManager, assignmentId: string): Promise<void> {
    await manager.update(AssignmentEntity, { id: assignmentId }, { status: 'cancelled', endedAt: new Date() });
  }
}
