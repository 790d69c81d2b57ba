import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './generated/coop-api';
import i18next from 'i18next';
import { readSession } from '../auth/session';
import { toApiProblem, unreachableProblem } from './problem';

export type Schemas = components['schemas'];

// Each call reads the tab's key (its session) and language itself, so no call can go out before the app is ready.
let unauthorizedHandler: () => void = () => undefined;

/** What to do when the API answers 401 (the app signs out and shows the sign-in). */
export function onUnauthorized(handler: () => void): void {
  unauthorizedHandler = handler;
}

const authentication: Middleware = {
  onRequest({ request }) {
    const key = readSession()?.apiKey;
    // A call that names its own key (sign-in) keeps it.
    if (key && !request.headers.has('authorization')) request.headers.set('authorization', `Bearer ${key}`);
    request.headers.set('accept-language', i18next.language ?? 'en');
    return request;
  },
  onResponse({ response, request }) {
    // The sign-in call handles its own 401; any other means the key is gone (revoked, or a new tab).
    if (response.status === 401 && !request.headers.has('x-sign-in')) unauthorizedHandler();
    return response;
  },
};

/** The typed client of the gateway's API (types generated from its OpenAPI document at build time). */
export const api = createClient<paths>({ baseUrl: window.location.origin });
api.use(authentication);

interface CallResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/** The data of a call, or an ApiProblem carrying the problem+json it answered. */
export async function call<T>(request: Promise<CallResult<T>>): Promise<T> {
  let result: CallResult<T>;
  try {
    result = await request;
  } catch {
    throw unreachableProblem(i18next.t('problem.unreachable'));
  }
  if (result.error !== undefined || !result.response.ok) {
    throw toApiProblem(result.response.status, result.error, `${result.response.status} ${result.response.statusText}`);
  }
  return result.data as T;
}
