import { Module } from '@nestjs/common';
import { CalendarModule } from '../calendar/calendar.module.js';
import { ProfessionalChanges } from './professional-changes.js';
import { ProfessionalsIndex } from './professionals-index.js';
import { SearchDocumentBuilder } from './search-document.builder.js';
import { SearchIndexRebuilder } from './search-index.rebuilder.js';
import { SearchIndexer } from './search-indexer.js';
import { SearchController } from './search.controller.js';

/** The search index: its queue of changed professionals (ProfessionalChanges, for the other features), and what writes it. */
@Module({
  imports: [CalendarModule],
  controllers: [SearchController],
  providers: [ProfessionalsIndex, SearchDocumentBuilder, SearchIndexer, SearchIndexRebuilder, ProfessionalChanges],
  exports: [ProfessionalChanges],
})
export class SearchModule {}
