import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CreateTimeOffRequest, DeleteTimeOffRequest, DomainException, ErrorCode, parseDay, TimeOffView } from '@coop/contracts';
import { ProfessionalChanges } from '../search/professional-changes.js';
import { CapacityLedger } from './capacity-ledger.js';
import { TimeOffEntity } from './time-off.entity.js';

@Injectable()
export class TimeOffService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly ledger: CapacityLedger,
    private readonly changes: ProfessionalChanges,
  ) {}

  /** Records days off; refused when they overlap other time off or leave a week with less capacity than it has booked. */
  async create(request: CreateTimeOffRequest): Promise<TimeOffView> {
    return this.dataSource.transaction(async (manager) => {
      const professional = await this.ledger.lockToChange(manager, request.professionalId);
      const overlapping = await manager
        .getRepository(TimeOffEntity)
        .createQueryBuilder('t')
        .where('t.professional_id = :id AND t.start_date <= :end AND t.end_date >= :start', { id: professional.id, start: request.startDate, end: request.endDate })
        .getOne();
      if (overlapping) {
        throw new DomainException(
          ErrorCode.Conflict,
          `Time off ${request.startDate} to ${request.endDate} overlaps time off ${overlapping.startDate} to ${overlapping.endDate} (${overlapping.id}); change or delete that one instead`,
        );
      }
      const timeOff = await manager.save(
        manager.create(TimeOffEntity, { professionalId: professional.id, startDate: request.startDate, endDate: request.endDate, reason: request.reason ?? null }),
      );
      await this.ledger.recomputeCapacities(manager, professional, `Time off ${request.startDate} to ${request.endDate}`, parseDay(request.startDate), parseDay(request.endDate));
      await this.changes.record(manager, [professional.id]);
      return toTimeOffView(timeOff);
    });
  }

  /** Removes days off; the weeks they covered get their capacity back. */
  async delete(request: DeleteTimeOffRequest): Promise<TimeOffView> {
    return this.dataSource.transaction(async (manager) => {
      const professional = await this.ledger.lockToChange(manager, request.professionalId);
      const timeOff = await manager.getRepository(TimeOffEntity).findOneBy({ id: request.timeOffId, professionalId: professional.id });
      if (!timeOff) throw DomainException.notFound('Time off', request.timeOffId);
      await manager.delete(TimeOffEntity, { id: timeOff.id });
      await this.ledger.recomputeCapacities(manager, professional, 'Removing time off', parseDay(timeOff.startDate), parseDay(timeOff.endDate));
      await this.changes.record(manager, [professional.id]);
      return toTimeOffView(timeOff);
    });
  }
}

export function toTimeOffView(timeOff: TimeOffEntity): TimeOffView {
  return {
    id: timeOff.id,
    professionalId: timeOff.professionalId,
    startDate: timeOff.startDate,
    endDate: timeOff.endDate,
    reason: timeOff.reason,
    createdAt: timeOff.createdAt.toISOString(),
  };
}
