import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { CredentialRpc, ErrorCode, hashApiKey } from '@coop/contracts';
import { RpcClient } from '@coop/platform';
import { GatewayException } from '../http/problem-details.js';
import { Principal, PUBLIC_METADATA, Role, ROLES_METADATA } from './roles.js';

declare module 'fastify' {
  interface FastifyRequest {
    principal?: Principal;
  }
}

const MAX_KEY_LENGTH = 512;

/** The key of an `Authorization: Bearer <key>` header, if it has a plausible one. */
export function bearerKey(header: string | undefined): string | undefined {
  const key = /^Bearer +(\S+) *$/i.exec(header ?? '')?.[1];
  return key && key.length <= MAX_KEY_LENGTH ? key : undefined;
}

/**
 * Bearer API key authentication and role check. The members service owns credentials: each call
 * asks it (`members.credential.authenticate.v1`, with the key's hash, never the key). Nothing is
 * cached here, so a revoked key is refused from the very next request on every gateway replica;
 * the lookup is one indexed read (last_used_at is written at most once a minute per key).
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly rpc: RpcClient,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean | undefined>(PUBLIC_METADATA, targets)) return true;
    // RouteAccessAudit makes sure every route has one or the other; fail closed all the same.
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_METADATA, targets) ?? [];
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const principal = await this.authenticate(request.headers.authorization);
    if (!roles.includes(principal.role)) throw new GatewayException(ErrorCode.Forbidden, 'wrongRole');
    request.principal = principal;
    return true;
  }

  private async authenticate(header: string | undefined): Promise<Principal> {
    const key = bearerKey(header);
    if (!key) throw new GatewayException(ErrorCode.Unauthenticated, 'missingKey');
    const credential = await this.rpc.send(CredentialRpc.authenticate, { keyHash: hashApiKey(key) });
    return { credentialId: credential.credentialId, role: credential.role, ...(credential.memberId ? { memberId: credential.memberId } : {}) };
  }
}
