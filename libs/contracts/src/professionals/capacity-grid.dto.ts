import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { IsCalendarDate } from '../common/calendar-date.js';
import { ListProfessionalsRequest } from './professional.dto.js';

export const MAX_GRID_WEEKS = 26;

/**
 * The capacity heat map: a page of professionals (the list's filters and paging) x `weeks` ISO
 * weeks from the week of `from` (default: this week in the consortium's time zone).
 */
export class CapacityGridQuery extends ListProfessionalsRequest {
  @ApiPropertyOptional({ format: 'date', description: 'A day of the first week (default: today)' })
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_GRID_WEEKS, default: 12 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: `weeks must be an integer from 1 to ${MAX_GRID_WEEKS}` })
  @Min(1, { message: `weeks must be an integer from 1 to ${MAX_GRID_WEEKS}` })
  @Max(MAX_GRID_WEEKS, { message: `weeks must be an integer from 1 to ${MAX_GRID_WEEKS}` })
  weeks?: number;
}

export class CapacityGridWeek {
  @ApiProperty({ example: '2026-W49' }) week: string;
  @ApiProperty({ format: 'date', description: 'its Monday' }) weekStart: string;
}

/** The part of one booking that falls in one week. */
export class CapacityCellBooking {
  @ApiProperty({ format: 'uuid' }) assignmentId: string;
  @ApiProperty({ description: 'hours of the booking in this week' }) hours: number;
  @ApiProperty({ format: 'date' }) startDate: string;
  @ApiProperty({ format: 'date' }) endDate: string;
  @ApiProperty({ description: 'hours of the whole booking' }) totalHours: number;
}

export class CapacityCell {
  @ApiProperty({ example: '2026-W49' }) week: string;
  @ApiProperty({ description: 'weekly capacity minus working days off' }) capacityHours: number;
  @ApiProperty() bookedHours: number;
  @ApiProperty({ type: [String], description: 'working days off this week (YYYY-MM-DD)' }) timeOffDays: string[];
  @ApiProperty({ type: [CapacityCellBooking] }) bookings: CapacityCellBooking[];
}

export class CapacityRow {
  @ApiProperty({ format: 'uuid' }) professionalId: string;
  @ApiProperty() fullName: string;
  @ApiProperty() active: boolean;
  @ApiProperty() weeklyCapacityHours: number;
  @ApiProperty({ type: [CapacityCell], description: 'one per week, in order' }) cells: CapacityCell[];
}

export class CapacityGridView {
  @ApiProperty({ type: [CapacityGridWeek] }) weeks: CapacityGridWeek[];
  @ApiProperty({ type: [CapacityRow] }) rows: CapacityRow[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `cursor` for the next page of professionals' })
  nextCursor: string | null;
}
