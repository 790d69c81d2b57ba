import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsNumber, IsOptional, IsString, IsUUID, Length, Max, Min, ValidateNested } from 'class-validator';
import { AssignmentView } from './matching.dto.js';

/** The most professionals one request may be shared between. */
export const MAX_SHARE_PARTS = 5;

/** One professional's part of a shared assignment, as a coordinator asks for it. */
export class SharePartInput {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('4', { message: 'professionalId must be a UUID' })
  professionalId: string;

  @ApiProperty({ minimum: 0.5, maximum: 2000, example: 18, description: 'Hours this professional takes over the request’s window' })
  @IsNumber({}, { message: 'hours must be a number' })
  @Min(0.5)
  @Max(2000)
  hours: number;
}

/**
 * A request shared between professionals: each part booked over the request's window for its
 * hours, all of them or none; the hours add up to the request's.
 */
export class AssignSharedRequest {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('4', { message: 'requestId must be a UUID' })
  requestId: string;

  @ApiProperty({
    type: [SharePartInput],
    minItems: 2,
    maxItems: MAX_SHARE_PARTS,
    description: `2 to ${MAX_SHARE_PARTS} different professionals whose hours add up to the request’s estimatedHours`,
  })
  @IsArray({ message: 'parts must be an array' })
  @ArrayMinSize(2, { message: 'parts must name at least 2 professionals' })
  @ArrayMaxSize(MAX_SHARE_PARTS, { message: `parts may name at most ${MAX_SHARE_PARTS} professionals` })
  @ValidateNested({ each: true })
  @Type(() => SharePartInput)
  parts: SharePartInput[];

  @ApiPropertyOptional({ minLength: 2, maxLength: 1000, description: 'Why these professionals (kept in the history)' })
  @IsOptional()
  @IsString()
  @Length(2, 1000)
  reason?: string;
}

/** A request shared between professionals: one assignment per part. */
export class SharedAssignmentView {
  @ApiProperty({ format: 'uuid' })
  requestId: string;
  @ApiProperty({ format: 'uuid', description: 'Names the share: every part carries it as shareId' })
  shareId: string;
  @ApiProperty({ description: 'The parts’ hours together: the request’s estimatedHours' })
  hours: number;
  @ApiProperty({ description: 'The parts’ estimated costs together' })
  estimatedCost: number;
  @ApiProperty({ type: [AssignmentView], description: 'One assignment per professional, in the order asked' })
  parts: AssignmentView[];
}
