import { ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { AssignRequest, CompleteAssignmentRequest, DeclineAssignmentRequest, MatchSearchRequest, StatementRequest } from '@coop/contracts';
import { OptionalQueryBoolean } from '../http/query-boolean.js';

// HTTP shapes of the matching routes: the RPC classes minus what the path or the headers carry.

export class MatchesQuery {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;

  /** Also list excluded professionals with the reasons. */
  @ApiPropertyOptional({ type: Boolean, description: 'Also list excluded professionals with the reasons' })
  @OptionalQueryBoolean()
  explainExcluded?: boolean;
}

export class MatchSearchBody extends OmitType(MatchSearchRequest, ['lang'] as const) {}
export class AssignBody extends OmitType(AssignRequest, ['requestId'] as const) {}
export class DeclineBody extends OmitType(DeclineAssignmentRequest, ['assignmentId'] as const) {}
export class CompleteBody extends OmitType(CompleteAssignmentRequest, ['assignmentId'] as const) {}
export class StatementQuery extends OmitType(StatementRequest, ['memberId'] as const) {}
