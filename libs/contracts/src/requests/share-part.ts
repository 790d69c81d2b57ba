import { ApiProperty } from '@nestjs/swagger';
import { IsNumber, IsUUID, Min } from 'class-validator';

/** One part of a shared assignment, as events carry it. */
export class SharePart {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  assignmentId: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  professionalId: string;

  @ApiProperty({ example: 18 })
  @IsNumber()
  @Min(0)
  hours: number;

  @ApiProperty({ example: 2430, description: 'hours × the professional’s cost rate' })
  @IsNumber()
  @Min(0)
  estimatedCost: number;
}
