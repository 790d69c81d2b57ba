import { MatchSearchRequest, termsOf } from '@coop/contracts';
import { MatchContext, RANKED_TERMS } from '../ranking/candidate-facts.js';
import { MatchRequestEntity } from './match-request.entity.js';

export function contextOfRequest(request: MatchRequestEntity, declinedBy: Iterable<string>): MatchContext {
  return {
    ...termsOf(request, RANKED_TERMS),
    ...(request.memberSector ? { memberSector: request.memberSector } : {}),
    declinedBy: new Set(declinedBy),
  };
}

/** What a request says of the work, for text relevance. */
export function textOfRequest(request: Pick<MatchRequestEntity, 'title' | 'description'>): string {
  return `${request.title}\n${request.description}`;
}

export function contextOfSearch(search: MatchSearchRequest): MatchContext {
  return {
    domain: search.domain,
    language: search.language,
    startDate: search.startDate,
    endDate: search.endDate,
    estimatedHours: search.hours,
    urgency: search.urgency ?? 'normal',
    onSite: search.onSite ?? false,
    ...(search.region ? { region: search.region } : {}),
    ...(search.sector ? { memberSector: search.sector } : {}),
    declinedBy: new Set(),
  };
}
