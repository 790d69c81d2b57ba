import { Inject, Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { GatewayConfig } from '../config.js';
import { Principal } from './roles.js';

/** Keys remembered at most (the least recently used are dropped first). */
const MAX_KEYS = 10_000;

/**
 * What the members service last answered for each key it accepted, by key hash (never the key),
 * for AUTH_FALLBACK_TTL_MS. Read only when members cannot be reached; a refusal or a revocation
 * through this gateway forgets the key at once.
 */
@Injectable()
export class RecentAuthentications {
  private readonly principals: LRUCache<string, Principal> | undefined;

  constructor(@Inject(GatewayConfig) config: GatewayConfig) {
    if (config.AUTH_FALLBACK_TTL_MS > 0) this.principals = new LRUCache({ max: MAX_KEYS, ttl: config.AUTH_FALLBACK_TTL_MS });
  }

  remember(keyHash: string, principal: Principal): void {
    this.principals?.set(keyHash, principal);
  }

  recall(keyHash: string): Principal | undefined {
    return this.principals?.get(keyHash);
  }

  forgetKey(keyHash: string): void {
    this.principals?.delete(keyHash);
  }

  forgetCredential(credentialId: string): void {
    const keyHashes = [...(this.principals?.entries() ?? [])].filter(([, principal]) => principal.credentialId === credentialId).map(([keyHash]) => keyHash);
    for (const keyHash of keyHashes) this.principals?.delete(keyHash);
  }
}
