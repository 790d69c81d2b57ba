import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource } from 'typeorm';
import { AssignmentPage, ListAssignmentsRequest, StatementRequest, StatementView } from '@coop/contracts';
import { keysetPage, roundCents } from '@coop/platform';
import { MatchingConfig } from '../config.js';
import { AssignmentEntity } from './assignment.entity.js';
import { toAssignmentView } from './assignment.view.js';

@Injectable()
export class AssignmentQueries {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(MatchingConfig) private readonly config: MatchingConfig,
  ) {}

  /** Newest first, keyset-paginated. */
  list(query: ListAssignmentsRequest): Promise<AssignmentPage> {
    const builder = this.dataSource.getRepository(AssignmentEntity).createQueryBuilder('a');
    if (query.professionalId) builder.andWhere('a.professional_id = :professionalId', { professionalId: query.professionalId });
    if (query.memberId) builder.andWhere('a.member_id = :memberId', { memberId: query.memberId });
    if (query.status) builder.andWhere('a.status = :status', { status: query.status });
    return keysetPage(builder, query, toAssignmentView, 'DESC');
  }

  /**
   * The month's at-cost statement: assignments completed in the month at the hours spent, and
   * assignments still active that started in the month at their booked hours (an estimate).
   * Amount = hours × the professional's cost rate. The month is the consortium's (TIME_ZONE).
   */
  async statement(request: StatementRequest): Promise<StatementView> {
    const [year, month] = request.month.split('-').map(Number);
    const from = `${request.month}-01`;
    const to = month === 12 ? `${year + 1}-01-01` : `${year}-${String(month + 1).padStart(2, '0')}-01`;
    const start = 'CAST(:from AS timestamp) AT TIME ZONE :timeZone';
    const end = 'CAST(:to AS timestamp) AT TIME ZONE :timeZone';
    const rows = await this.dataSource
      .getRepository(AssignmentEntity)
      .createQueryBuilder('a')
      .where('a.member_id = :memberId', { memberId: request.memberId })
      .andWhere(
        new Brackets((b) =>
          b
            .where(`a.status = 'completed' AND a.ended_at >= ${start} AND a.ended_at < ${end}`)
            .orWhere(`a.status = 'active' AND a.created_at >= ${start} AND a.created_at < ${end}`),
        ),
      )
      .setParameters({ from, to, timeZone: this.config.TIME_ZONE })
      .orderBy('a.created_at', 'ASC')
      .addOrderBy('a.id', 'ASC')
      .getMany();
    const lines = rows.map((a) => {
      const hours = a.status === 'completed' ? (a.hoursSpent ?? 0) : a.hours;
      return {
        assignmentId: a.id,
        requestId: a.requestId,
        professionalId: a.professionalId,
        status: a.status as 'active' | 'completed',
        hours,
        costRate: a.costRate,
        amount: roundCents(hours * a.costRate),
        shareId: a.shareId,
      };
    });
    return {
      memberId: request.memberId,
      month: request.month,
      currency: 'CAD',
      lines,
      totalHours: roundCents(lines.reduce((sum, line) => sum + line.hours, 0)),
      totalAmount: roundCents(lines.reduce((sum, line) => sum + line.amount, 0)),
    };
  }
}
