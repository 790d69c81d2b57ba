import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Day, ProfessionalSearchDocument } from '@coop/contracts';
import { CalendarLoader } from '../calendar/calendar-loader.js';
import { ProfessionalEntity } from '../professional/professional.entity.js';
import { horizonEnd, toSearchDocument } from './search-document.js';

/** Reads professionals and their calendars from Postgres and turns them into search documents. */
@Injectable()
export class SearchDocumentBuilder {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly calendars: CalendarLoader,
  ) {}

  async forIds(ids: string[], horizonStart: Day): Promise<ProfessionalSearchDocument[]> {
    const professionals = await this.dataSource.getRepository(ProfessionalEntity).createQueryBuilder('p').where('p.id = ANY(:ids)', { ids }).getMany();
    return this.forProfessionals(professionals, horizonStart);
  }

  /** Every professional, `batchSize` at a time, in id order. */
  async *all(horizonStart: Day, batchSize: number): AsyncGenerator<ProfessionalSearchDocument[]> {
    let after: string | undefined;
    for (;;) {
      const builder = this.dataSource.getRepository(ProfessionalEntity).createQueryBuilder('p').orderBy('p.id', 'ASC').take(batchSize);
      if (after) builder.where('p.id > :after', { after });
      const professionals = await builder.getMany();
      if (professionals.length === 0) return;
      yield await this.forProfessionals(professionals, horizonStart);
      after = professionals[professionals.length - 1].id;
    }
  }

  private async forProfessionals(professionals: ProfessionalEntity[], horizonStart: Day): Promise<ProfessionalSearchDocument[]> {
    const calendars = await this.calendars.load(professionals, horizonStart, horizonEnd(horizonStart), { bookings: false });
    return professionals.map((professional) => toSearchDocument(professional, calendars.get(professional.id)!, horizonStart));
  }
}
