import type { OpenAPIObject } from '@nestjs/swagger';

type OperationObject = NonNullable<OpenAPIObject['paths'][string]['get']>;
type ResponseObject = Exclude<OperationObject['responses'][string], { $ref: string }>;

// What holds for every route, written into the document once here rather than on each route, so a
// route added later is documented the same way without anyone remembering to.

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'] as const;

/** @fastify/rate-limit's headers, on every answer to a call with an API key (names are case-insensitive). */
const RATE_LIMIT_HEADERS = {
  'X-RateLimit-Limit': { description: 'Calls this API key may make per window (RATE_LIMIT_MAX)', schema: { type: 'integer', format: 'int32' } },
  'X-RateLimit-Remaining': { description: 'Calls left in the current window', schema: { type: 'integer', format: 'int32' } },
  'X-RateLimit-Reset': { description: 'Seconds until the window starts again', schema: { type: 'integer', format: 'int32' } },
};

/** Applies the house conventions to `document` (in place) and returns it. */
export function applyHouseConventions(document: OpenAPIObject): OpenAPIObject {
  for (const path of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = path[method];
      if (operation) describeOperation(operation);
    }
  }
  collapseSingleAllOf(document.components);
  return document;
}

function describeOperation(operation: OperationObject): void {
  const roles = (operation as { 'x-roles'?: string[] })['x-roles'];
  const secured = (operation.security ?? []).length > 0;
  // An operation without a key says so explicitly, rather than by omission.
  if (!secured) operation.security = [];
  const access = secured && roles ? `Who may call it: ${roles.join(', ')} (an API key of that role).` : 'Public: no API key.';
  operation.description = operation.description ? `${operation.description}\n\n${access}` : access;
  if (!secured) return;
  for (const [status, response] of Object.entries(operation.responses)) {
    const answer = response as ResponseObject | { $ref: string } | undefined;
    if (answer && /^[24]/.test(status) && !('$ref' in answer)) answer.headers = { ...RATE_LIMIT_HEADERS, ...answer.headers };
  }
}

/**
 * Nest writes a property that refers to a named schema (an enum, a nested class) as a one-element
 * allOf; without any other keyword beside it, that is the reference itself.
 */
function collapseSingleAllOf(node: unknown): void {
  if (!node || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      const { allOf, ...rest } = value as { allOf?: unknown[] };
      if (Array.isArray(allOf) && allOf.length === 1 && Object.keys(rest).length === 0) (node as Record<string, unknown>)[key] = allOf[0];
    }
    collapseSingleAllOf((node as Record<string, unknown>)[key]);
  }
}
