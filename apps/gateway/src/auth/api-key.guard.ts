import { CanActivate, ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { CredentialRpc, DomainException, ErrorCode, hashApiKey } from '@coop/contracts';
import { RpcClient, withCorrelationId } from '@coop/platform';
import { GatewayException } from '../http/problem-details.js';
import { RecentAuthentications } from './recent-authentications.js';
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

/** During an outage the fallback is logged this often, not on every request. */
const FALLBACK_LOG_EVERY_MS = 10_000;

/**
 * Bearer API key authentication and role check. The members service owns credentials: the gateway
 * asks it (`members.credential.authenticate.v1`, with the key's hash, never the key) and keeps its
 * answer for AUTH_CACHE_TTL_MS; a revocation is broadcast by members and forgotten by every replica
 * at once (RecentAuthentications). When members cannot be reached (503, 504), a key it accepted
 * within AUTH_FALLBACK_TTL_MS passes on its last answer.
 */
@Injectable()
export class ApiKeyGuard implements CanActivate {
  private readonly logger = new Logger(ApiKeyGuard.name);
  private lastFallbackLog = 0;

  constructor(
    private readonly reflector: Reflector,
    private readonly rpc: RpcClient,
    private readonly recent: RecentAuthentications,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean | undefined>(PUBLIC_METADATA, targets)) return true;
    // RouteAccessAudit makes sure every route has one or the other; fail closed all the same.
    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_METADATA, targets) ?? [];
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    // Guards run before the interceptor that sets the call's correlation id: the key check carries it too.
    const principal = await withCorrelationId(request.correlationId, () => this.authenticate(request.headers.authorization));
    if (!roles.includes(principal.role)) throw new GatewayException(ErrorCode.Forbidden, 'wrongRole');
    request.principal = principal;
    return true;
  }

  private async authenticate(header: string | undefined): Promise<Principal> {
    const key = bearerKey(header);
    if (!key) throw new GatewayException(ErrorCode.Unauthenticated, 'missingKey');
    const keyHash = hashApiKey(key);
    const fresh = this.recent.fresh(keyHash);
    if (fresh) return fresh;
    try {
      const credential = await this.rpc.send(CredentialRpc.authenticate, { keyHash });
      const principal: Principal = { credentialId: credential.credentialId, role: credential.role, ...(credential.memberId ? { memberId: credential.memberId } : {}) };
      this.recent.remember(keyHash, principal);
      return principal;
    } catch (error) {
      const unreachable = error instanceof DomainException && (error.code === ErrorCode.ServiceUnavailable || error.code === ErrorCode.UpstreamTimeout);
      const known = unreachable ? this.recent.recall(keyHash) : undefined;
      if (!unreachable) this.recent.forgetKey(keyHash);
      if (!known) throw error;
      if (Date.now() - this.lastFallbackLog > FALLBACK_LOG_EVERY_MS) {
        this.lastFallbackLog = Date.now();
        this.logger.warn({ msg: 'members unreachable: keys it accepted recently pass on its last answer', err: error });
      }
      return known;
    }
  }
}
