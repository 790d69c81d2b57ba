import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DomainException, isOpen, MatchListView, MatchSearchRequest, RequestMatchesRequest } from '@coop/contracts';
import { AssignmentRepository } from '../assignment/assignment.repository.js';
import { MatchRequestEntity } from '../match-request/match-request.entity.js';
import { contextOfRequest, contextOfSearch, textOfRequest } from '../match-request/match-context.js';
import { MatchService } from './match.service.js';
import { NearestFitsService } from './nearest-fits.service.js';

const DEFAULT_LIMIT = 10;

/** The coordinators' questions: who is best for this request, or for this description, and why. */
@Injectable()
export class MatchQueries {
  constructor(
    private readonly matches: MatchService,
    private readonly nearestFits: NearestFitsService,
    private readonly assignments: AssignmentRepository,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  /** Ranked now, from the current state (availability changes; the stored ranking may be stale). */
  async forRequest(query: RequestMatchesRequest): Promise<MatchListView> {
    const request = await this.dataSource.manager.findOneBy(MatchRequestEntity, { id: query.requestId });
    if (!request) throw DomainException.notFound('Request', query.requestId);
    const context = contextOfRequest(request, await this.assignments.declinedProfessionals(this.dataSource.manager, request.id));
    const text = textOfRequest(request);
    const lang = query.lang ?? request.language;
    // An unmatched request shows them unless told not to; any other only when asked. Their search
    // does not need the ranking: both at once.
    const wanted = query.nearestFits ?? request.status === 'unmatched';
    const [ranking, around] = await Promise.all([
      this.matches.rank(context, { text, memberId: request.memberId, explainExcluded: query.explainExcluded, top: query.limit ?? DEFAULT_LIMIT }),
      wanted ? this.nearestFits.lookAround(context, { text, memberId: request.memberId }) : undefined,
    ]);
    const view = this.matches.toView(ranking, context, lang, query.limit ?? DEFAULT_LIMIT, query.explainExcluded ?? false);
    // No assignment can be made to a closed request: its nearest fits carry no action.
    const requestId = isOpen(request.status) ? request.id : undefined;
    const nearestFits = around ? await this.nearestFits.view(context, ranking, around, { lang, requestId }) : undefined;
    return { requestId: request.id, ...view, ...(nearestFits ? { nearestFits } : {}) };
  }

  async search(query: MatchSearchRequest): Promise<MatchListView> {
    const context = contextOfSearch(query);
    const text = query.text ?? '';
    const lang = query.lang ?? query.language;
    const [ranking, around] = await Promise.all([
      this.matches.rank(context, { text, explainExcluded: query.explainExcluded, top: query.limit ?? DEFAULT_LIMIT, exhaustive: query.exhaustive }),
      query.nearestFits ? this.nearestFits.lookAround(context, { text }) : undefined,
    ]);
    const view = this.matches.toView(ranking, context, lang, query.limit ?? DEFAULT_LIMIT, query.explainExcluded ?? false);
    return around ? { ...view, nearestFits: await this.nearestFits.view(context, ranking, around, { lang }) } : view;
  }
}
