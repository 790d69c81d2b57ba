import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainException, MatchListView, MatchSearchRequest, RequestMatchesRequest } from '@coop/contracts';
import { declinedProfessionals } from '../assignment/assignment-matcher.js';
import { MatchRequestEntity } from '../match-request/match-request.entity.js';
import { contextOfRequest, contextOfSearch } from './match-context.js';
import { MatchService } from './match.service.js';

const DEFAULT_LIMIT = 10;

/** The coordinators' questions: who is best for this request, or for this description, and why. */
@Injectable()
export class MatchQueries {
  constructor(
    private readonly matches: MatchService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Ranked now, from the current state (availability changes; the stored ranking may be stale). */
  async forRequest(query: RequestMatchesRequest): Promise<MatchListView> {
    const request = await this.dataSource.manager.findOneBy(MatchRequestEntity, { id: query.requestId });
    if (!request) throw DomainException.notFound('Request', query.requestId);
    const context = contextOfRequest(request, await declinedProfessionals(this.dataSource.manager, request.id));
    const ranking = await this.matches.rank(context, {
      text: `${request.title}\n${request.description}`,
      memberId: request.memberId,
      explainExcluded: query.explainExcluded,
    });
    const view = this.matches.toView(ranking, context, query.lang ?? request.language, query.limit ?? DEFAULT_LIMIT, query.explainExcluded ?? false);
    return { requestId: request.id, ...view };
  }

  async search(query: MatchSearchRequest): Promise<MatchListView> {
    const context = contextOfSearch(query);
    const ranking = await this.matches.rank(context, { text: query.text ?? '', explainExcluded: query.explainExcluded, candidatePool: query.candidatePool });
    return this.matches.toView(ranking, context, query.lang ?? query.language, query.limit ?? DEFAULT_LIMIT, query.explainExcluded ?? false);
  }
}
