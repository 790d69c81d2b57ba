import { ApiProperty, ApiPropertyOptional, OmitType, PickType } from '@nestjs/swagger';
import { IsNumber, IsOptional, Max, Min, ValidateIf } from 'class-validator';
import { AssignRequest, AssignSharedRequest, CompleteAssignmentRequest, DeclineAssignmentRequest, MatchSearchRequest, RequestMatchesRequest, StatementRequest, StrictBoolean } from '@coop/contracts';

// HTTP shapes of the matching routes: the RPC classes minus what the path or the headers carry.

export class MatchesQuery extends PickType(RequestMatchesRequest, ['limit'] as const) {
  /** Also list excluded professionals with the reasons (as text in a query string). */
  @ApiPropertyOptional({ type: Boolean, description: 'Also list the excluded professionals with why' })
  @IsOptional()
  @StrictBoolean()
  explainExcluded?: boolean;

  /** The nearest fits: on by default for an unmatched request (as text in a query string). */
  @ApiPropertyOptional({
    type: Boolean,
    description: 'The nearest fits (smallest changes that would make someone available): shown for an unmatched request unless false; for any other only when true',
  })
  @IsOptional()
  @StrictBoolean()
  nearestFits?: boolean;
}

/** Hours an ad hoc search asks for: named as in a request (`estimatedHours`); `hours` is its old name. */
const SEARCH_HOURS = { minimum: 0.5, maximum: 2000 };

export class MatchSearchBody extends OmitType(MatchSearchRequest, ['lang', 'exhaustive', 'hours'] as const) {
  @ApiProperty({ ...SEARCH_HOURS, description: 'Hours of work, as `estimatedHours` of a request' })
  @ValidateIf((body: MatchSearchBody) => body.hours === undefined)
  @IsNumber({}, { message: 'estimatedHours must be a number' })
  @Min(SEARCH_HOURS.minimum)
  @Max(SEARCH_HOURS.maximum)
  estimatedHours?: number;

  @ApiPropertyOptional({ ...SEARCH_HOURS, deprecated: true, description: 'Deprecated: the old name of estimatedHours, still accepted (estimatedHours wins when both are sent)' })
  @IsOptional()
  @IsNumber({}, { message: 'hours must be a number' })
  @Min(SEARCH_HOURS.minimum)
  @Max(SEARCH_HOURS.maximum)
  hours?: number;
}
export class AssignBody extends OmitType(AssignRequest, ['requestId'] as const) {}
export class SharedAssignBody extends OmitType(AssignSharedRequest, ['requestId'] as const) {}
export class DeclineBody extends OmitType(DeclineAssignmentRequest, ['assignmentId'] as const) {}
export class CompleteBody extends OmitType(CompleteAssignmentRequest, ['assignmentId'] as const) {}
export class StatementQuery extends OmitType(StatementRequest, ['memberId'] as const) {}
