import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { LanguageCode, MatchListView } from '@coop/contracts';
import { ProfessionalFacts, ProfessionalsPort } from '../candidates/professionals.port.js';
import { MatchingConfig } from '../config.js';
import { MatchContext } from '../ranking/candidate-facts.js';
import { rankCandidates, Ranking, type ScoredCandidate } from '../ranking/rank.js';
import { explainCandidate, explainExclusion } from '../ranking/reasons.js';
import { RANKED_POOL } from '../nearest-fits/nearest-fits.js';

export interface RankOptions {
  text: string;
  memberId?: string;
  explainExcluded?: boolean;
  /** Rank only those the index sees free for the whole window (see CandidateQuery.fittingOnly). */
  fittingOnly?: boolean;
  /** How many of the best must be exactly an exhaustive ranking's (default STORED_MATCHES). */
  top?: number;
  /** Rank every eligible professional (tools; see MatchSearchRequest.exhaustive). */
  exhaustive?: boolean;
  /** What an earlier ranking of the same request, in the same transaction, read: not read again. */
  after?: Reading;
}

/** What a ranking read that a later ranking of the same request can start from. */
export interface Reading {
  /** Past assignments with the requesting member, by professional. */
  past: ReadonlyMap<string, number>;
  /**
   * Everyone a fitting-only ranking read when nobody in the fitting set was available: it then
   * read the whole set, which a ranking of everyone would read again (see CandidateQuery.fittingSet).
   */
  fittingSet?: readonly ProfessionalFacts[];
}

/** A ranking, and what it read. */
export interface MatchRanking extends Ranking {
  reading: Reading;
}

/** What `request.pending_review` says: how many of the matches stored for coordinators are available (they rank first). */
export function availableAmongStored(available: readonly ScoredCandidate[], stored: number): number {
  return Math.min(available.length, stored);
}

/** The partly available that nearest fits start from (nearest-fits.ts), ranked exactly when nobody is free. */
const PARTIAL_TOP = RANKED_POOL;

/**
 * Two-stage matching: the search index retrieves candidates by the part of the score that depends
 * on the profile alone, re-ranked as they come with exact availability and the scoring rules,
 * until nobody further down can make the top (so the top is the exhaustive ranking's).
 */
@Injectable()
export class MatchService {
  constructor(
    private readonly professionals: ProfessionalsPort,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(MatchingConfig) private readonly config: MatchingConfig,
  ) {}

  async rank(context: MatchContext, options: RankOptions, manager: EntityManager = this.dataSource.manager): Promise<MatchRanking> {
    const past = options.after?.past ?? (options.memberId ? await this.pastAssignments(manager, options.memberId) : new Map<string, number>());
    const top = options.top ?? this.config.STORED_MATCHES;
    const plain = !options.explainExcluded && !options.exhaustive;
    const facts = await this.professionals.findCandidates({
      context,
      text: options.text,
      top,
      partialTop: Math.max(top, PARTIAL_TOP),
      past,
      includeExcluded: options.explainExcluded ?? false,
      fittingOnly: options.fittingOnly ?? false,
      exhaustive: options.exhaustive ?? false,
      ...(plain && !options.fittingOnly && options.after?.fittingSet ? { fittingSet: options.after.fittingSet } : {}),
    });
    const ranking = rankCandidates(
      facts.map((f) => ({ ...f, pastAssignmentsWithMember: past.get(f.professionalId) ?? 0 })),
      context,
    );
    // Retrieval reads a fitting set in which fewer than `top` are available to the end (nobody to stop at).
    const fittingSetRead = plain && options.fittingOnly && !ranking.candidates.some((candidate) => candidate.available);
    return { ...ranking, reading: { past, ...(fittingSetRead ? { fittingSet: facts } : {}) } };
  }

  toView(ranking: Ranking, context: MatchContext, lang: LanguageCode, limit: number, explainExcluded: boolean): MatchListView {
    return {
      candidates: ranking.candidates.slice(0, limit).map((candidate) => ({
        rank: candidate.rank,
        professionalId: candidate.facts.professionalId,
        fullName: candidate.facts.fullName,
        score: Math.round(candidate.score * 10_000) / 10_000,
        available: candidate.available,
        freeHours: candidate.facts.availability.freeHours,
        estimatedCost: candidate.estimatedCost,
        factors: Object.fromEntries(Object.entries(candidate.factors).map(([name, value]) => [name, Math.round(value * 1000) / 1000])),
        reasons: explainCandidate(candidate, context, lang),
      })),
      ...(explainExcluded
        ? {
            excluded: ranking.excluded.map((e) => ({
              professionalId: e.facts.professionalId,
              fullName: e.facts.fullName,
              reasons: explainExclusion(e.reasons, lang),
            })),
          }
        : {}),
    };
  }

  /**
   * Continuity: how many times each professional has worked for the member (active or completed),
   * of those given, or of everyone.
   */
  async pastAssignments(manager: EntityManager, memberId: string, professionalIds?: string[]): Promise<Map<string, number>> {
    if (professionalIds?.length === 0) return new Map();
    // In SQL: it runs for every request matched.
    const rows = await manager.query<Array<{ professionalId: string; count: number }>>(
      `SELECT professional_id AS "professionalId", count(*)::int AS count FROM assignment
       WHERE member_id = $1 AND status IN ('active', 'completed') AND ($2::uuid[] IS NULL OR professional_id = ANY($2::uuid[]))
       GROUP BY professional_id`,
      [memberId, professionalIds ?? null],
    );
    return new Map(rows.map((row) => [row.professionalId, row.count]));
  }
}
