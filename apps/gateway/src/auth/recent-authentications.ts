import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import type { Subscription } from '@nats-io/transport-node';
import { LRUCache } from 'lru-cache';
import { CREDENTIAL_REVOKED_SUBJECT, type CredentialRevokedNotice } from '@coop/contracts';
import { namespacedSubject, NatsConnectionProvider } from '@coop/platform';
import { GatewayConfig } from '../config.js';
import { Principal } from './roles.js';

/** Keys remembered at most (the least recently used are dropped first). */
const MAX_KEYS = 10_000;

interface Remembered {
  principal: Principal;
  at: number;
}

/**
 * What the members service last answered for each key it accepted, by key hash (never the key).
 * Within AUTH_CACHE_TTL_MS the answer is used without asking members again (authenticating every
 * call was a round trip and a read per request); up to AUTH_FALLBACK_TTL_MS it is used only when
 * members cannot be reached. A refusal, a revocation through this gateway, or members' broadcast
 * of a revocation (CREDENTIAL_REVOKED_SUBJECT, which every replica receives) forgets the key at once.
 */
@Injectable()
export class RecentAuthentications implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(RecentAuthentications.name);
  private readonly principals: LRUCache<string, Remembered> | undefined;
  private readonly freshMs: number;
  private subscription: Subscription | undefined;

  constructor(
    @Inject(GatewayConfig) private readonly config: GatewayConfig,
    private readonly nats: NatsConnectionProvider,
  ) {
    this.freshMs = config.AUTH_CACHE_TTL_MS;
    const ttl = Math.max(config.AUTH_FALLBACK_TTL_MS, config.AUTH_CACHE_TTL_MS);
    if (ttl > 0) this.principals = new LRUCache({ max: MAX_KEYS, ttl });
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.principals) return;
    const nc = await this.nats.get();
    this.subscription = nc.subscribe(namespacedSubject(this.config.NATS_NAMESPACE, CREDENTIAL_REVOKED_SUBJECT), {
      callback: (error, message) => {
        if (error) return this.logger.warn({ msg: 'revocation notices stopped', err: error });
        try {
          this.forgetCredential(message.json<CredentialRevokedNotice>().credentialId);
        } catch {
          this.logger.warn({ msg: 'ignoring a revocation notice that is not JSON' });
        }
      },
    });
  }

  onApplicationShutdown(): void {
    this.subscription?.unsubscribe();
  }

  remember(keyHash: string, principal: Principal): void {
    this.principals?.set(keyHash, { principal, at: Date.now() });
  }

  /** Accepted by members within AUTH_CACHE_TTL_MS, and not revoked since as far as this gateway heard. */
  fresh(keyHash: string): Principal | undefined {
    const remembered = this.principals?.get(keyHash);
    return remembered && Date.now() - remembered.at < this.freshMs ? remembered.principal : undefined;
  }

  /** Accepted by members within AUTH_FALLBACK_TTL_MS (for when members cannot be reached). */
  recall(keyHash: string): Principal | undefined {
    const remembered = this.principals?.get(keyHash);
    return remembered && Date.now() - remembered.at < this.config.AUTH_FALLBACK_TTL_MS ? remembered.principal : undefined;
  }

  forgetKey(keyHash: string): void {
    this.principals?.delete(keyHash);
  }

  forgetCredential(credentialId: string): void {
    const keyHashes = [...(this.principals?.entries() ?? [])].filter(([, remembered]) => remembered.principal.credentialId === credentialId).map(([keyHash]) => keyHash);
    for (const keyHash of keyHashes) this.principals?.delete(keyHash);
  }
}
