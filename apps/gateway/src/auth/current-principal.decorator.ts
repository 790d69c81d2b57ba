import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { DomainException, ErrorCode } from '@coop/contracts';
import type { Principal } from './roles.js';

/** The authenticated caller of a route guarded by `@Roles` (set by ApiKeyGuard). */
export const CurrentPrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): Principal => {
  const principal = context.switchToHttp().getRequest<FastifyRequest>().principal;
  if (!principal) throw new DomainException(ErrorCode.Unauthenticated, 'This route needs an API key');
  return principal;
});
