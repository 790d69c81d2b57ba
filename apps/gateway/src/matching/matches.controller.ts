import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { type LanguageCode, MatchingRpc, MatchListView } from '@coop/contracts';
import { RpcClient } from '@coop/platform';
import { Roles } from '../auth/roles.js';
import { CallerLanguage } from '../http/accept-language.js';
import { IdParam } from '../http/id-param.js';
import { ApiProblems } from '../http/openapi.js';
import { MatchesQuery, MatchSearchBody } from './matching.http.js';

@ApiTags('matching')
@Controller('v1')
export class MatchesController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('requests/:id/matches')
  @Roles('coordinator')
  @ApiOperation({ summary: 'Ranked candidates for a request, with per-factor values and reasons (Accept-Language fr/en)' })
  @ApiOkResponse({ type: MatchListView })
  @ApiProblems(400, 404)
  forRequest(
    @IdParam() requestId: string,
    @Query() query: MatchesQuery,
    @CallerLanguage() lang: LanguageCode,
  ): Promise<MatchListView> {
    return this.rpc.send(MatchingRpc.requestMatches, { requestId, lang, ...query });
  }

  @Post('matches/search')
  @HttpCode(200)
  @Roles('coordinator')
  @ApiOperation({ summary: 'Ad hoc: who would fit this domain, window, hours, language, sector, region and text?' })
  @ApiOkResponse({ type: MatchListView })
  @ApiProblems(400)
  search(@Body() body: MatchSearchBody, @CallerLanguage() lang: LanguageCode): Promise<MatchListView> {
    const { estimatedHours, hours, ...search } = body;
    // Validation ensures one of the two is there.
    return this.rpc.send(MatchingRpc.search, { ...search, hours: estimatedHours ?? hours!, lang });
  }
}
