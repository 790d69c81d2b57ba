import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { formatDay, type LanguageCode, type NearestFitsSummary, type NearestFitsView, today } from '@coop/contracts';
import { ProfessionalsPort } from '../candidates/professionals.port.js';
import { MatchingConfig } from '../config.js';
import type { MatchRequestEntity } from '../match-request/match-request.entity.js';
import { changedWindows, farthestWindows, widerWindow } from '../nearest-fits/changed-windows.js';
import { computeNearestFits, nearestFitPool, type NearestFit } from '../nearest-fits/nearest-fits.js';
import { nearestFitsView } from '../nearest-fits/nearest-fits.view.js';
import type { MatchContext } from '../ranking/candidate-facts.js';
import type { Ranking } from '../ranking/rank.js';
import { textOfRequest } from './match-context.js';
import { MatchService } from './match.service.js';

/** Professionals each set of the nearest fits' search returns, at most. */
const NEARBY_PER_SET = 10;

/**
 * The nearest fits of a ranking (nearest-fits/nearest-fits.ts computes them): on top of the
 * ranking's own search and availability batch, one multi-search (other language, changed
 * windows) and one availability batch over the window holding every changed one.
 */
@Injectable()
export class NearestFitsService {
  constructor(
    private readonly professionals: ProfessionalsPort,
    private readonly matches: MatchService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(MatchingConfig) private readonly config: MatchingConfig,
  ) {}

  async find(context: MatchContext, ranking: Ranking, options: { text: string; memberId?: string }, manager: EntityManager = this.dataSource.manager): Promise<NearestFit[]> {
    const windows = changedWindows(context.startDate, context.endDate, this.config.NEAREST_FITS_WINDOW_DAYS, today(this.config.TIME_ZONE));
    const found = await this.professionals.findNearby({
      context,
      text: options.text,
      windows: farthestWindows(windows).map((window) => ({ startDate: formatDay(window.start), endDate: formatDay(window.end) })),
      limit: NEARBY_PER_SET,
    });
    const ranked = new Set(ranking.candidates.map((candidate) => candidate.facts.professionalId));
    const fresh = found.filter((profile) => !ranked.has(profile.professionalId));
    const past = options.memberId ? await this.matches.pastAssignments(manager, options.memberId, fresh.map((p) => p.professionalId)) : new Map<string, number>();
    const nearby = fresh.map((profile) => ({ ...profile, pastAssignmentsWithMember: past.get(profile.professionalId) ?? 0 }));
    const ids = [...nearestFitPool(ranking).map((candidate) => candidate.facts.professionalId), ...nearby.map((p) => p.professionalId)];
    const wider = widerWindow(context.startDate, context.endDate, windows);
    const calendars = ids.length > 0 ? await this.professionals.availabilityOver(ids, { startDate: formatDay(wider.start), endDate: formatDay(wider.end) }) : new Map();
    return computeNearestFits({ context, ranking, nearby, calendars, windows });
  }

  async view(context: MatchContext, ranking: Ranking, options: { text: string; memberId?: string; lang: LanguageCode; requestId?: string }): Promise<NearestFitsView> {
    const fits = await this.find(context, ranking, options);
    return nearestFitsView(fits, ranking, context, options.lang, options.requestId);
  }

  /** For an unmatched request: what its matches keep and what `request.unmatched` tells the member. */
  async ofUnmatched(request: MatchRequestEntity, context: MatchContext, ranking: Ranking, manager: EntityManager): Promise<{ view: NearestFitsView; summary: NearestFitsSummary }> {
    const fits = await this.find(context, ranking, { text: textOfRequest(request), memberId: request.memberId }, manager);
    const view = nearestFitsView(fits, ranking, context, request.language, request.id);
    return { view, summary: view.summary };
  }
}
