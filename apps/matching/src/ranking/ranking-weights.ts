import { RANKING_WEIGHTS } from '@coop/contracts';

/** The weights live in the contracts (the index holds part of the score, see profileScore there). */
export { RANKING_WEIGHTS };

export type FactorName = keyof typeof RANKING_WEIGHTS;
export type RankingWeights = Record<FactorName, number>;
export type FactorValues = Record<FactorName, number>;

export const FACTOR_NAMES = Object.keys(RANKING_WEIGHTS) as FactorName[];
