import { applyDecorators, INestApplication } from '@nestjs/common';
import { ApiDefaultResponse, ApiResponse, DocumentBuilder, getSchemaPath, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
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
  503: 'A service behind the gateway is unavailable',
  504: 'A service behind the gateway did not answer in time',
};

const problemContent = { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: getSchemaPath(ProblemDocument) } } };

/** Documents error answers of a route as problem+json (any other error is the `default` response). */
export function ApiProblems(...statuses: number[]): MethodDecorator & ClassDecorator {
  return applyDecorators(
    ...statuses.map((status) =>
      ApiResponse({
        status,
        description: DESCRIPTIONS[status] ?? 'Error',
        content: problemContent,
        ...(status === 429 ? { headers: { 'Retry-After': { description: 'Seconds to wait', schema: { type: 'integer' } } } } : {}),
      }),
    ),
    ApiDefaultResponse({ description: 'Any other error, as problem+json', content: problemContent }),
  );
}

export const BEARER_SCHEME = 'bearer';

export function setUpOpenApi(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Coop Expertise Matching API')
      .setDescription(
        [
          'Service requests of member federations matched to the consortium’s professionals.',
          '',
          'Every call but /health sends `Authorization: Bearer <API key>`. Each route names the roles that may call it',
          '(`x-roles`); a partner key acts for its one member only and gets 404 for anything of another member.',
          'Errors are RFC 9457 `application/problem+json` with a stable `code`, worded in the language of',
          '`Accept-Language` (fr or en). Lists are paginated with `limit` and `cursor` (`nextCursor` of the previous page).',
        ].join('\n'),
      )
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'An API key (cem_live_…)' }, BEARER_SCHEME)
      .build(),
    { extraModels: [ProblemDocument], operationIdFactory: (controllerKey, methodKey) => `${controllerKey.replace(/Controller$/, '')}_${methodKey}` },
  );
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json' });
  return document;
}
