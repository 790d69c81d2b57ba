import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import {
  API_KEY_PREFIX,
  AuthenticatedCredential,
  CREDENTIAL_REVOKED_SUBJECT,
  type CredentialRevokedNotice,
  CredentialView,
  DomainException,
  ErrorCode,
  hashApiKey,
  IssueCredentialRequest,
  IssuedCredentialView,
} from '@coop/contracts';
import { namespacedSubject, NatsConnectionProvider } from '@coop/platform';
import { MembersConfig } from '../config.js';
import { MemberEntity } from '../member/member.entity.js';
import { CredentialEntity } from './credential.entity.js';

/** last_used_at is written at most this often per key, so authenticating stays a read. */
const LAST_USED_RESOLUTION_MS = 60_000;
const BOOTSTRAP_LABEL = 'bootstrap admin (ADMIN_API_KEY)';

@Injectable()
export class CredentialService implements OnApplicationBootstrap {
  private readonly logger = new Logger(CredentialService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(MembersConfig) private readonly config: MembersConfig,
    private readonly nats: NatsConnectionProvider,
  ) {}

  onApplicationBootstrap(): Promise<void> {
    return this.syncBootstrapAdmin(this.config.ADMIN_API_KEY);
  }

  async issue(request: IssueCredentialRequest): Promise<IssuedCredentialView> {
    const memberId = await this.checkedMember(request);
    // 256 random bits: the hash alone protects it (see hashApiKey).
    const key = `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
    const repository = this.dataSource.getRepository(CredentialEntity);
    const credential = await repository.save(
      repository.create({
        keyHash: hashApiKey(key),
        keyPrefix: key.slice(0, API_KEY_PREFIX.length + 4),
        role: request.role,
        memberId,
        label: request.label ?? null,
      }),
    );
    this.logger.log({ msg: 'credential issued', credentialId: credential.id, role: credential.role, memberId });
    return { ...toView(credential), key };
  }

  /**
   * Revocation is immediate here (authenticate() reads the row); once committed it is broadcast, so
   * gateways keeping authentications (AUTH_CACHE_TTL_MS) forget the key at once. Revoking twice is harmless.
   */
  async revoke(id: string): Promise<CredentialView> {
    const revoked = await this.dataSource.transaction(async (manager) => {
      const credential = await manager.findOne(CredentialEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!credential) throw DomainException.notFound('Credential', id);
      // A key the configuration had revoked is now revoked by an admin too: configuring it again won't bring it back.
      if (credential.revokedBy !== 'api') {
        credential.revokedAt ??= new Date();
        credential.revokedBy = 'api';
        await manager.save(credential);
        this.logger.log({ msg: 'credential revoked', credentialId: id });
      }
      return toView(credential);
    });
    await this.broadcastRevocation(id);
    return revoked;
  }

  async authenticate(keyHash: string): Promise<AuthenticatedCredential> {
    const repository = this.dataSource.getRepository(CredentialEntity);
    const credential = await repository.findOne({ where: { keyHash }, select: { id: true, role: true, memberId: true, lastUsedAt: true, revokedAt: true } });
    if (!credential || credential.revokedAt) throw new DomainException(ErrorCode.Unauthenticated, 'Unknown or revoked API key');
    if (!credential.lastUsedAt || Date.now() - credential.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
      await repository.update({ id: credential.id }, { lastUsedAt: () => 'now()' });
    }
    return { credentialId: credential.id, role: credential.role, memberId: credential.memberId };
  }

  /**
   * ADMIN_API_KEY is a credential like the others (role admin, flagged bootstrap): created if new,
   * and any bootstrap key that is no longer the configured one is revoked "by configuration". The
   * configured key therefore always works after a start, also when it was configured before,
   * replaced, and configured again. Only a revocation by an admin through the API sticks: then the
   * start says so at error level, with what to do.
   */
  private async syncBootstrapAdmin(adminKey: string | undefined): Promise<void> {
    const keyHash = adminKey ? hashApiKey(adminKey) : null;
    const revokedIds: string[] = [];
    await this.dataSource.transaction(async (manager) => {
      const revoked = (await manager.query(
        `UPDATE credential SET revoked_at = now(), revoked_by = 'configuration'
         WHERE bootstrap AND revoked_at IS NULL AND key_hash IS DISTINCT FROM $1 RETURNING id`,
        [keyHash],
      )) as [Array<{ id: string }>, number] | Array<{ id: string }>;
      // TypeORM answers an UPDATE as [rows, count].
      const rows = (Array.isArray(revoked[0]) ? revoked[0] : revoked) as Array<{ id: string }>;
      revokedIds.push(...rows.map((row) => row.id));
      if (revokedIds.length > 0) this.logger.warn({ msg: 'revoked bootstrap admin keys that are no longer ADMIN_API_KEY', count: revokedIds.length });
      if (!keyHash) return;
      const [configured] = (await manager.query(
        `INSERT INTO credential (key_hash, key_prefix, role, label, bootstrap) VALUES ($1, 'ADMIN_API_KEY', 'admin', $2, true)
         ON CONFLICT ON CONSTRAINT credential_key_hash_key DO UPDATE
           SET revoked_at = NULL, revoked_by = NULL
           WHERE credential.bootstrap AND credential.revoked_by = 'configuration'
         RETURNING id`,
        [keyHash, BOOTSTRAP_LABEL],
      )) as { id: string }[];
      if (configured) return;
      // The key exists and was left as it is: revoked by an admin, or not a bootstrap key at all.
      const existing = await manager.findOneOrFail(CredentialEntity, { where: { keyHash } });
      if (existing.revokedAt) {
        this.logger.error({
          msg:
            'ADMIN_API_KEY does not work: an admin revoked this key through the API. ' +
            'Set ADMIN_API_KEY to a new key (at least 16 characters, e.g. `openssl rand -hex 24`; with npm start, ' +
            'delete .data/admin-api-key to get a new one) and restart the members service.',
          credentialId: existing.id,
          revokedAt: existing.revokedAt.toISOString(),
        });
      }
    });
    for (const id of revokedIds) await this.broadcastRevocation(id);
  }

  /** Tells every gateway (they keep authentications for AUTH_CACHE_TTL_MS) that a key no longer works. */
  private async broadcastRevocation(credentialId: string): Promise<void> {
    const notice: CredentialRevokedNotice = { credentialId };
    (await this.nats.get()).publish(namespacedSubject(this.config.NATS_NAMESPACE, CREDENTIAL_REVOKED_SUBJECT), JSON.stringify(notice));
  }

  private async checkedMember(request: IssueCredentialRequest): Promise<string | null> {
    if (request.role !== 'partner') {
      if (request.memberId) {
        throw DomainException.validation([{ field: 'memberId', message: 'only a partner credential is bound to a member', constraint: 'memberIdNotAllowed' }]);
      }
      return null;
    }
    if (!request.memberId) {
      throw DomainException.validation([{ field: 'memberId', message: 'a partner credential needs the memberId it acts for', constraint: 'memberIdRequired' }]);
    }
    if (!(await this.dataSource.getRepository(MemberEntity).existsBy({ id: request.memberId }))) {
      throw DomainException.validation([{ field: 'memberId', message: 'memberId names no member', constraint: 'unknownMember' }]);
    }
    return request.memberId;
  }
}

function toView(credential: CredentialEntity): CredentialView {
  return {
    id: credential.id,
    role: credential.role,
    memberId: credential.memberId,
    label: credential.label,
    keyPrefix: credential.keyPrefix,
    createdAt: credential.createdAt.toISOString(),
    lastUsedAt: credential.lastUsedAt?.toISOString() ?? null,
    revokedAt: credential.revokedAt?.toISOString() ?? null,
  };
}
