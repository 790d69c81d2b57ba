import { Check, Column, CreateDateColumn, Entity, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from 'typeorm';
import type { CredentialRole } from '@coop/contracts';

/** Who revoked a key: an admin through the API, or the start-up sync because ADMIN_API_KEY changed. */
export type RevokedBy = 'api' | 'configuration';
import { MemberEntity } from '../member/member.entity.js';

/** An API key, kept only as its hash (hashApiKey). A partner key is bound to exactly one member. */
@Entity({ name: 'credential' })
@Unique('credential_key_hash_key', ['keyHash'])
@Check('credential_role_check', `"role" IN ('admin', 'coordinator', 'partner')`)
@Check('credential_revoked_by_check', `("revoked_by" IS NULL OR "revoked_by" IN ('api', 'configuration')) AND ("revoked_by" IS NULL) = ("revoked_at" IS NULL)`)
@Check('credential_partner_member_check', `("role" = 'partner') = ("member_id" IS NOT NULL)`)
export class CredentialEntity {
  @PrimaryGeneratedColumn('uuid', { primaryKeyConstraintName: 'credential_pkey' })
  id: string;

  @Column({ name: 'key_hash', type: 'text' })
  keyHash: string;

  /** The first characters of the key, so people can tell their keys apart. */
  @Column({ name: 'key_prefix', type: 'text' })
  keyPrefix: string;

  @Column({ type: 'text' })
  role: CredentialRole;

  @Column({ name: 'member_id', type: 'uuid', nullable: true })
  memberId: string | null;

  @ManyToOne(() => MemberEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'member_id', foreignKeyConstraintName: 'credential_member_id_fkey' })
  member?: MemberEntity;

  @Column({ type: 'text', nullable: true })
  label: string | null;

  /** Made from ADMIN_API_KEY at start rather than issued through the API. */
  @Column({ type: 'boolean', default: false })
  bootstrap: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz', precision: 3 })
  createdAt: Date;

  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true })
  lastUsedAt: Date | null;

  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true })
  revokedAt: Date | null;

  /** A key the configuration revoked comes back when it is configured again; one an admin revoked does not. */
  @Column({ name: 'revoked_by', type: 'text', nullable: true })
  revokedBy: RevokedBy | null;
}
