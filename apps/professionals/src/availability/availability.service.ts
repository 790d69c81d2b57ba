import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AvailabilityView, Day, DomainException, parseDay, ProfessionalAvailability, WindowAvailabilitySummary } from '@coop/contracts';
import { ProfessionalEntity } from '../professional/professional.entity.js';
import { CalendarLoader, CalendarSubject } from '../calendar/calendar-loader.js';
import type { ProfessionalCalendar } from '../calendar/professional-calendar.js';
import { TimeOffEntity } from './time-off.entity.js';
import { toTimeOffView } from './time-off.service.js';

/** Reads availability: one professional week by week, or many over one window (for the matcher). */
@Injectable()
export class AvailabilityService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendars: CalendarLoader,
  ) {}

  async weekly(professionalId: string, from: string, to: string): Promise<AvailabilityView> {
    const professional = await this.dataSource.getRepository(ProfessionalEntity).findOneBy({ id: professionalId });
    if (!professional) throw DomainException.notFound('Professional', professionalId);
    const [[summary], timeOff] = await Promise.all([
      this.summaries([professional], from, to),
      this.dataSource
        .getRepository(TimeOffEntity)
        .createQueryBuilder('t')
        .where('t.professional_id = :professionalId AND t.start_date <= :to AND t.end_date >= :from', { professionalId, from, to })
        .orderBy('t.start_date')
        .getMany(),
    ]);
    return { ...summary, timeOff: timeOff.map(toTimeOffView) };
  }

  /** Availability of each known professional over the window, in the order asked. */
  batch(professionalIds: string[], startDate: string, endDate: string): Promise<ProfessionalAvailability[]> {
    return this.eachOver(professionalIds, startDate, endDate, (calendar, start, end) => calendar.summarize(start, end));
  }

  /** The window totals ranking needs, of each known professional, in the order asked. */
  windows(professionalIds: string[], startDate: string, endDate: string): Promise<WindowAvailabilitySummary[]> {
    return this.eachOver(professionalIds, startDate, endDate, (calendar, start, end) => calendar.window(start, end));
  }

  private async eachOver<T>(professionalIds: string[], startDate: string, endDate: string, read: (calendar: ProfessionalCalendar, start: Day, end: Day) => T): Promise<T[]> {
    const [start, end] = [parseDay(startDate), parseDay(endDate)];
    const calendars = await this.calendars.loadByIds(professionalIds, start, end);
    return professionalIds.flatMap((id) => {
      const calendar = calendars.get(id);
      return calendar ? [read(calendar, start, end)] : [];
    });
  }

  private async summaries(professionals: CalendarSubject[], startDate: string, endDate: string): Promise<ProfessionalAvailability[]> {
    const [start, end] = [parseDay(startDate), parseDay(endDate)];
    const calendars = await this.calendars.load(professionals, start, end, { bookings: true });
    return professionals.map((professional) => calendars.get(professional.id)!.summarize(start, end));
  }
}
