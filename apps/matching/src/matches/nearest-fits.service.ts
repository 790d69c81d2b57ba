import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { formatDay, type LanguageCode, type NearestFitsSummary, type NearestFitsView, today } from '@coop/contracts';
import { ProfessionalsPort } from '../candidates/professionals.port.js';
import { MatchingConfig } from '../config.js';
import type { MatchRequestEntity } from '../match-request/match-request.entity.js';
import { type ChangedWindow, changedWindows, searchedWindows, widerWindow } from '../nearest-fits/changed-windows.js';
import { computeNearestFits, type NearbyProfessional, nearestFitPool, type NearestFit } from '../nearest-fits/nearest-fits.js';
import { nearestFitsView } from '../nearest-fits/nearest-fits.view.js';
import type { MatchContext } from '../ranking/candidate-facts.js';
import type { Ranking } from '../ranking/rank.js';
import { textOfRequest } from '../match-request/match-context.js';
import { MatchService } from './match.service.js';

/** Professionals each set of the nearest fits' search returns, at most. */
const NEARBY_PER_SET = 10;

/** What the nearest fits' search found, and the windows it looked at. */
export interface LookAround {
  windows: ChangedWindow[];
  nearby: NearbyProfessional[];
}

/**
 * The nearest fits of a ranking (nearest-fits/nearest-fits.ts computes them): on top of the
 * ranking's own search and availability batch, one multi-search (other language, changed
 * windows: lookAround) and one availability batch over the window holding every changed one
 * (complete).
 */
@Injectable()
export class NearestFitsService {
  constructor(
    private readonly professionals: ProfessionalsPort,
    private readonly matches: MatchService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(MatchingConfig) private readonly config: MatchingConfig,
  ) {}

  /**
   * The nearest fits' search: who beyond the ranking is worth a look, and the windows to check.
   * It does not need the ranking, so a caller that wants nearest fits anyway runs it beside it.
   */
  async lookAround(context: MatchContext, options: { text: string; memberId?: string }, manager: EntityManager = this.dataSource.manager): Promise<LookAround> {
    const windows = changedWindows(context.startDate, context.endDate, this.config.NEAREST_FITS_WINDOW_DAYS, today(this.config.TIME_ZONE));
    const found = await this.professionals.findNearby({
      context,
      text: options.text,
      windows: searchedWindows(windows).map((window) => ({ startDate: formatDay(window.start), endDate: formatDay(window.end) })),
      limit: NEARBY_PER_SET,
    });
    const past = options.memberId ? await this.matches.pastAssignments(manager, options.memberId, found.map((p) => p.professionalId)) : new Map<string, number>();
    return { windows, nearby: found.map((profile) => ({ ...profile, pastAssignmentsWithMember: past.get(profile.professionalId) ?? 0 })) };
  }

  /** With the ranking: one availability batch over the window holding every changed one, then the fits. */
  async complete(context: MatchContext, ranking: Ranking, { windows, nearby }: LookAround): Promise<NearestFit[]> {
    const ranked = new Set(ranking.candidates.map((candidate) => candidate.facts.professionalId));
    const fresh = nearby.filter((profile) => !ranked.has(profile.professionalId));
    const ids = [...nearestFitPool(ranking).map((candidate) => candidate.facts.professionalId), ...fresh.map((p) => p.professionalId)];
    const wider = widerWindow(context.startDate, context.endDate, windows);
    const calendars = ids.length > 0 ? await this.professionals.availabilityOver(ids, { startDate: formatDay(wider.start), endDate: formatDay(wider.end) }) : new Map();
    return computeNearestFits({ context, ranking, nearby: fresh, calendars, windows });
  }

  async view(context: MatchContext, ranking: Ranking, around: LookAround, options: { lang: LanguageCode; requestId?: string }): Promise<NearestFitsView> {
    return nearestFitsView(await this.complete(context, ranking, around), ranking, context, options.lang, options.requestId);
  }

  /** For an unmatched request: what its matches keep and what `request.unmatched` tells the member. */
  async ofUnmatched(request: MatchRequestEntity, context: MatchContext, ranking: Ranking, manager: EntityManager): Promise<{ view: NearestFitsView; summary: NearestFitsSummary }> {
    const around = await this.lookAround(context, { text: textOfRequest(request), memberId: request.memberId }, manager);
    const fits = await this.complete(context, ranking, around);
    const view = nearestFitsView(fits, ranking, context, request.language, request.id);
    return { view, summary: view.summary };
  }
}
