import { NEAREST_FIT_RELAXES, type LanguageCode, type NearestFitAction, type NearestFitsSummary, type NearestFitsView } from '@coop/contracts';
import { roundCents } from '@coop/platform';
import type { MatchContext } from '../ranking/candidate-facts.js';
import type { Ranking } from '../ranking/rank.js';
import { explainNearestFit, gistOf, summaryText } from './nearest-fit-reasons.js';
import type { NearestFit } from './nearest-fits.js';

const roundScore = (score: number) => Math.round(score * 10_000) / 10_000;

/** The summary a partner system can pass on (in `request.unmatched` and on the matches). */
export function nearestFitsSummary(fits: readonly NearestFit[], ranking: Ranking, context: MatchContext): NearestFitsSummary {
  const { allHoursWindow, ...gist } = gistOf(fits, context, ranking.candidates.filter((c) => c.available).length);
  return {
    ...gist,
    ...(allHoursWindow ? { allHoursWindow: { startDate: allHoursWindow.startDate, endDate: allHoursWindow.endDate } } : {}),
    suggestions: fits.length,
    text: { fr: summaryText({ ...gist, allHoursWindow }, 'fr'), en: summaryText({ ...gist, allHoursWindow }, 'en') },
  };
}

/**
 * The nearest fits as the API shows them, reasons in `lang`. With a request id, those the API can
 * apply in one call carry it: an assignment of that professional (with the hours, for fewer hours),
 * or for a split a shared assignment of both with their hours.
 */
export function nearestFitsView(fits: readonly NearestFit[], ranking: Ranking, context: MatchContext, lang: LanguageCode, requestId?: string): NearestFitsView {
  return {
    summary: nearestFitsSummary(fits, ranking, context),
    suggestions: fits.map((fit, index) => {
      const apply = requestId ? actionFor(fit, requestId) : undefined;
      return {
        rank: index + 1,
        kind: fit.kind,
        relaxes: NEAREST_FIT_RELAXES[fit.kind].constraint,
        hardConstraint: NEAREST_FIT_RELAXES[fit.kind].hard,
        score: roundScore(fit.score),
        professionals: fit.parts.map((part) => ({
          professionalId: part.facts.professionalId,
          fullName: part.facts.fullName,
          hours: part.hours,
          freeHours: part.freeHours,
          score: roundScore(part.score),
          estimatedCost: roundCents(part.hours * part.facts.costRate),
        })),
        change: fit.change,
        reason: explainNearestFit(fit, context, lang),
        ...(apply ? { apply } : {}),
      };
    }),
  };
}

/** Changing a request's window is not in the API yet: those fits carry no action. A split is a shared assignment. */
function actionFor(fit: NearestFit, requestId: string): NearestFitAction | undefined {
  if (fit.kind === 'split') {
    return {
      method: 'POST',
      path: `/v1/requests/${requestId}/shared-assignments`,
      body: { parts: fit.parts.map((part) => ({ professionalId: part.facts.professionalId, hours: part.hours })) },
    };
  }
  if (fit.kind !== 'fewer_hours' && fit.kind !== 'other_language') return undefined;
  const [{ facts, hours }] = fit.parts;
  return {
    method: 'POST',
    path: `/v1/requests/${requestId}/assignments`,
    body: { professionalId: facts.professionalId, ...(fit.kind === 'fewer_hours' ? { hours } : {}) },
  };
}
