import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { LanguageCode, MatchingRpc, MatchListView } from '@coop/contracts';
import { RpcClient } from '@coop/platform';
import { Roles } from '../auth/roles.js';
import { CallerLanguage } from '../http/accept-language.js';
import { MatchesQuery, MatchSearchBody } from './matching.http.js';

@ApiTags('matching')
@ApiBearerAuth()
@Controller('v1')
export class MatchesController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('requests/:id/matches')
  @Roles('coordinator')
  @ApiOperation({ summary: 'Ranked candidates for a request, with per-factor values and reasons (Accept-Language fr/en)' })
  forRequest(
    @Param('id', new ParseUUIDPipe({ version: '4' })) requestId: string,
    @Query() query: MatchesQuery,
    @CallerLanguage() lang: LanguageCode,
  ): Promise<MatchListView> {
    return this.rpc.send(MatchingRpc.requestMatches, { requestId, lang, ...query });
  }

  @Post('matches/search')
  @HttpCode(200)
  @Roles('coordinator')
  @ApiOperation({ summary: 'Ad hoc: who would fit this domain, window, hours, language, sector, region and text?' })
  search(@Body() body: MatchSearchBody, @CallerLanguage() lang: LanguageCode): Promise<MatchListView> {
    return this.rpc.send(MatchingRpc.search, { ...body, lang });
  }
}
