import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NearestFitsSummary } from '../requests/request-events.js';
import { LANGUAGE_CODES, type LanguageCode } from '../taxonomy/languages.js';

/**
 * The kinds of nearest fit, in the order they are listed: those that keep the request's start
 * first, the one that changes a hard constraint of the request last.
 */
export const NEAREST_FIT_KINDS = ['fewer_hours', 'stretched_window', 'shifted_window', 'split', 'other_language'] as const;
export type NearestFitKind = (typeof NEAREST_FIT_KINDS)[number];

/** What a nearest fit gives up of the request as it was asked. */
export const RELAXED_CONSTRAINTS = ['hours', 'window', 'single_professional', 'language'] as const;
export type RelaxedConstraint = (typeof RELAXED_CONSTRAINTS)[number];

/**
 * Which constraint each kind relaxes, and whether it is one of the request's hard constraints (the
 * ones that exclude a professional outright): only the language is.
 */
export const NEAREST_FIT_RELAXES: Readonly<Record<NearestFitKind, { constraint: RelaxedConstraint; hard: boolean }>> = {
  fewer_hours: { constraint: 'hours', hard: false },
  stretched_window: { constraint: 'window', hard: false },
  shifted_window: { constraint: 'window', hard: false },
  split: { constraint: 'single_professional', hard: false },
  other_language: { constraint: 'language', hard: true },
};

/** One professional's part in a nearest fit (a split has two). */
export class NearestFitPart {
  @ApiProperty({ format: 'uuid' })
  professionalId: string;
  @ApiProperty({ example: 'Annie Bergeron' })
  fullName: string;
  @ApiProperty({ example: 24, description: 'Hours this professional would take' })
  hours: number;
  @ApiProperty({ example: 24.5, description: 'What they have free over the (changed) window: the most a booking over it could take now' })
  freeHours: number;
  @ApiProperty({ minimum: 0, maximum: 1, example: 0.7812, description: 'Their score for these hours with the change made (comparable with the ranking’s)' })
  score: number;
  @ApiProperty({ example: 2880, description: 'hours × cost rate' })
  estimatedCost: number;
}

/** The request as it would be with the change: only the fields that change. */
export class NearestFitChange {
  @ApiPropertyOptional({ example: 24, description: 'fewer_hours: the hours instead of the request’s' })
  estimatedHours?: number;
  @ApiPropertyOptional({ format: 'date', description: 'shifted_window: the new first day' })
  startDate?: string;
  @ApiPropertyOptional({ format: 'date', example: '2027-03-19', description: 'stretched_window, shifted_window: the new last day' })
  endDate?: string;
  @ApiPropertyOptional({
    example: 3,
    description: 'stretched_window: working days added at the end; shifted_window: working days the window moves (negative: earlier)',
  })
  workingDaysMoved?: number;
  @ApiPropertyOptional({ enum: LANGUAGE_CODES, enumName: 'LanguageCode', description: 'other_language: the language the professional works in instead' })
  language?: LanguageCode;
}

/** What a coordinator sends to apply a nearest fit to the request, when the API can do it in one call. */
export class NearestFitActionPart {
  @ApiProperty({ format: 'uuid' })
  professionalId: string;
  @ApiProperty({ example: 18 })
  hours: number;
}

export class NearestFitActionBody {
  @ApiPropertyOptional({ format: 'uuid', description: 'fewer_hours, other_language: the professional to assign' })
  professionalId?: string;
  @ApiPropertyOptional({ example: 24, description: 'fewer_hours: the hours to book' })
  hours?: number;
  @ApiPropertyOptional({ type: [NearestFitActionPart], description: 'split: each professional and their hours (POST /v1/requests/:id/shared-assignments)' })
  parts?: NearestFitActionPart[];
}

export class NearestFitAction {
  @ApiProperty({ enum: ['POST'] })
  method: 'POST';
  @ApiProperty({ example: '/v1/requests/7f1c2b3a-4d5e-4f60-8a71-92b3c4d5e6f7/assignments' })
  path: string;
  @ApiProperty({ type: NearestFitActionBody })
  body: NearestFitActionBody;
}

/** One of the smallest changes that would make someone available for the request. */
export class NearestFitView {
  @ApiProperty({ example: 1 })
  rank: number;
  @ApiProperty({ enum: NEAREST_FIT_KINDS, enumName: 'NearestFitKind' })
  kind: NearestFitKind;
  @ApiProperty({ enum: RELAXED_CONSTRAINTS, enumName: 'RelaxedConstraint', description: 'What of the request it gives up' })
  relaxes: RelaxedConstraint;
  @ApiProperty({ description: 'True when it relaxes a hard constraint of the request (another language): the member must agree to it' })
  hardConstraint: boolean;
  @ApiProperty({ minimum: 0, maximum: 1, example: 0.7812, description: 'The resulting score (a split: the parts’ scores weighted by their hours)' })
  score: number;
  @ApiProperty({ type: [NearestFitPart], description: 'Who: one professional, or two for a split' })
  professionals: NearestFitPart[];
  @ApiProperty({ type: NearestFitChange })
  change: NearestFitChange;
  @ApiProperty({ example: 'Annie Bergeron is free for 24 h of the 30 h: 24 h now', description: 'Who and the change, in one sentence in the caller’s language (Accept-Language)' })
  reason: string;
  @ApiPropertyOptional({
    type: NearestFitAction,
    description:
      'The call that applies it to the request (fewer_hours, other_language: an assignment; split: a shared assignment). Absent for an ad hoc search, and for what the API cannot do yet: changing a request’s window',
  })
  apply?: NearestFitAction;
}

export class NearestFitsView {
  @ApiProperty({ type: NearestFitsSummary })
  summary: NearestFitsSummary;
  @ApiProperty({ type: [NearestFitView] })
  suggestions: NearestFitView[];
}
