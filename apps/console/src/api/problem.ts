import type { components } from './generated/coop-api';

export type Problem = components['schemas']['ProblemDocument'];

/** A failed API call: the gateway's problem+json, or one made up for a call that got no answer. */
export class ApiProblem extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail || problem.title);
    this.name = 'ApiProblem';
  }

  get status(): number {
    return this.problem.status;
  }

  /** The message of each offending field, by its path (`domains.0.level`); the first one wins. */
  get fieldErrors(): Record<string, string> {
    const byField: Record<string, string> = {};
    for (const error of this.problem.errors ?? []) byField[error.field] ??= error.message;
    return byField;
  }
}

/** What a call that failed before any answer (network down, gateway gone) shows. */
export function unreachableProblem(message: string): ApiProblem {
  return new ApiProblem({ type: 'about:blank', title: message, status: 0, detail: message, code: 'service_unavailable' } as Problem);
}

/** Reads an error body into an ApiProblem, whatever the gateway (or a proxy) answered. */
export function toApiProblem(status: number, body: unknown, fallback: string): ApiProblem {
  if (body && typeof body === 'object' && 'status' in body && ('detail' in body || 'title' in body)) return new ApiProblem(body as Problem);
  return new ApiProblem({ type: 'about:blank', title: fallback, status, detail: typeof body === 'string' && body ? body : fallback, code: 'internal_error' } as Problem);
}
