import { Module } from '@nestjs/common';
import { AvailabilityModule } from '../availability/availability.module.js';
import { ProfessionalsIndex } from './professionals-index.js';
import { SearchDocumentBuilder } from './search-document.builder.js';
import { SearchIndexRebuilder } from './search-index.rebuilder.js';
import { SearchIndexer } from './search-indexer.js';
import { SearchController } from './search.controller.js';

@Module({
  imports: [AvailabilityModule],
  controllers: [SearchController],
  providers: [ProfessionalsIndex, SearchDocumentBuilder, SearchIndexer, SearchIndexRebuilder],
})
export class SearchModule {}
