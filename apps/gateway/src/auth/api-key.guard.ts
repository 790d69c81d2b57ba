import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { timingSafeEqual } from 'node:crypto';
import { DomainException, ErrorCode } from '@coop/contracts';
import { GatewayConfig } from '../config.js';
import { Principal, Role, ROLES_METADATA } from './roles.js';

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
}

/**
 * Bearer API key authentication. For now only the bootstrap ADMIN_API_KEY is known; issued
 * credentials (members service) replace this lookup. An admin may call every route.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(GatewayConfig) private readonly config: GatewayConfig,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_METADATA, [context.getHandler(), context.getClass()]);
    if (!roles) return true;
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const principal = this.authenticate(request.headers.authorization);
    if (principal.role !== 'admin' && !roles.includes(principal.role)) {
      throw new DomainException(ErrorCode.Forbidden, 'This credential may not call this route');
    }
    request.principal = principal;
    return true;
  }

  private authenticate(header: string | undefined): Principal {
    const key = /^Bearer (\S+)$/i.exec(header ?? '')?.[1];
    if (!key) throw new DomainException(ErrorCode.Unauthenticated, 'Send an API key as "Authorization: Bearer <key>"');
    if (this.config.ADMIN_API_KEY && safeEqual(key, this.config.ADMIN_API_KEY)) {
      return { credentialId: 'bootstrap-admin', role: 'admin' };
    }
    throw new DomainException(ErrorCode.Unauthenticated, 'Unknown or revoked API key');
  }
}

function safeEqual(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
