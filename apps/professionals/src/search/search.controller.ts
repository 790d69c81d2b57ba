import { Controller } from '@nestjs/common';
import { RebuildIndexResult, SearchIndexRpc } from '@coop/contracts';
import { RpcHandler } from '@coop/platform';
import { SearchIndexRebuilder } from './search-index.rebuilder.js';

@Controller()
export class SearchController {
  constructor(private readonly rebuilder: SearchIndexRebuilder) {}

  @RpcHandler(SearchIndexRpc.rebuild)
  async rebuild(): Promise<RebuildIndexResult> {
    return (await this.rebuilder.rebuild())!;
  }
}
