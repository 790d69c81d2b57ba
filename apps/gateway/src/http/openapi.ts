import { applyDecorators, INestApplication } from '@nestjs/common';
import { ApiDefaultResponse, ApiResponse, DocumentBuilder, getSchemaPath, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { applyHouseConventions } from './openapi-conventions.js';
import { operationId } from './openapi-operation-id.js';
import { documentValidationLimits } from './openapi-validation-limits.js';
import { ProblemDocument, PROBLEM_CONTENT_TYPE } from './problem-details.js';

const DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input (each offending field is listed in `errors`)',
  401: 'No API key, or an unknown or revoked one',
  403: 'The API key’s role may not call this route',
  404: 'Not found (including anything that belongs to another member)',
  409: 'Conflicts with the current state',
  413: 'The body is too large',
  415: 'The body is not JSON',
  422: 'The Idempotency-Key was used with a different request',
  429: 'Too many requests for this API key: wait the seconds given in Retry-After',
  500: 'An unexpected error (quote correlationId when reporting it)',
  503: 'A service behind the gateway is unavailable',
  504: 'A service behind the gateway did not answer in time',
};

const problemContent = { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemDocument) } } };

/**
 * Documents error answers of a route as problem+json. Every route also documents 400 (a malformed
 * URL or query string is refused before any route runs) and 500; any other error is `default`.
 */
export function ApiProblems(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...[...new Set([400, ...statuses, 500])].map((status) =>
      ApiResponse({
        status,
        description: DESCRIPTIONS[status] ?? 'Error',
        content: problemContent,
        ...(status === 429 ? { headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer', format: 'int32', minimum: 0, maximum: 86400 } } } } : {}),
      }),
    ),
    ApiDefaultResponse({ description: 'Any other error, as problem+json', content: problemContent }),
  );
}

export const BEARER_SCHEME = 'bearer';

/** The groups of routes, in the order the docs list them. Every @ApiTags name must be here (the OpenAPI lint test checks). */
const TAGS: [string, string][] = [
  ['requests', 'Service requests: submit, follow, list, cancel'],
  ['matching', 'Ranked, explained candidates for a request or an ad hoc search'],
  ['assignments', 'Who works on a request: assign, decline, complete; the monthly statement'],
  ['professionals', 'The consortium’s professionals: profiles, time off, availability'],
  ['members', 'The member federations'],
  ['credentials', 'API keys'],
  ['webhooks', 'Signed event deliveries to a member’s endpoints'],
  ['notifications', 'The coordinator feed'],
  ['taxonomies', 'Expertise domains and co-op sectors'],
  ['health', 'Liveness and readiness'],
];

export interface OpenApiOptions {
  /** Where clients reach this API (the `servers` entry). */
  publicUrl: string;
}

/** The OpenAPI document of the gateway's routes (also made without a running stack: openapi-document.ts). */
export function buildOpenApiDocument(app: INestApplication, options: OpenApiOptions): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('Coop Expertise Matching API')
    .setDescription(
      [
        'Service requests of member federations matched to the consortium’s professionals.',
        '',
        'Every call but /health and /health/ready sends `Authorization: Bearer <API key>`. Each route names the roles',
        'that may call it (`x-roles`); a partner key acts for its one member only and gets 404 for anything of another member.',
        'Errors are RFC 9457 `application/problem+json` with a stable `code`, worded in the language of',
        '`Accept-Language` (fr or en). Lists are paginated with `limit` and `cursor` (`nextCursor` of the previous page).',
      ].join('\n'),
    )
    .setVersion('1')
    .setLicense('Proprietary: the consortium’s own software, not licensed for reuse', 'https://coop-matching.example/license')
    .addServer(options.publicUrl, 'This gateway: PUBLIC_URL, or the local http://localhost:PORT by default')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'An API key (`cem_live_…`, or the bootstrap ADMIN_API_KEY): an opaque secret, not a JWT' }, BEARER_SCHEME);
  for (const [name, description] of TAGS) builder.addTag(name, description);
  const document = SwaggerModule.createDocument(app, builder.build(), {
    extraModels: [ProblemDocument],
    operationIdFactory: operationId,
  });
  // Partner systems outside the consortium call it (OWASP: say who a server is for).
  for (const server of document.servers ?? []) Object.assign(server, { 'x-internal': false });
  // Nest's addBearerAuth adds `bearerFormat: JWT` by default; these keys are not JWTs.
  delete (document.components?.securitySchemes?.[BEARER_SCHEME] as { bearerFormat?: string } | undefined)?.bearerFormat;
  documentValidationLimits(app, document);
  applyHouseConventions(document);
  return document;
}

export function setUpOpenApi(app: INestApplication, options: OpenApiOptions): OpenAPIObject {
  const document = buildOpenApiDocument(app, options);
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  return document;
}
