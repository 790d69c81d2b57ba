import { MigrationInterface, QueryRunner } from 'typeorm';

export class CredentialsRequestsIdempotency1795678973589 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"members\".\"credential\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"key_hash\" text NOT NULL, \"key_prefix\" text NOT NULL, \"role\" text NOT NULL, \"member_id\" uuid, \"label\" text, \"bootstrap\" boolean NOT NULL DEFAULT false, \"created_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), \"last_used_at\" TIMESTAMP WITH TIME ZONE, \"revoked_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"credential_key_hash_key\" UNIQUE (\"key_hash\"), CONSTRAINT \"credential_partner_member_check\" CHECK ((\"role\" = 'partner') = (\"member_id\" IS NOT NULL)), CONSTRAINT \"credential_role_check\" CHECK (\"role\" IN ('admin', 'coordinator', 'partner')), CONSTRAINT \"credential_pkey\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE TABLE \"members\".\"idempotency_key\" (\"scope\" text NOT NULL, \"key\" text NOT NULL, \"request_hash\" text NOT NULL, \"response\" jsonb NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"expires_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"idempotency_key_pkey\" PRIMARY KEY (\"scope\", \"key\"))");
    await queryRunner.query("CREATE INDEX \"idempotency_key_expires_at_idx\" ON \"members\".\"idempotency_key\"  (\"expires_at\") ");
    await queryRunner.query("CREATE TABLE \"members\".\"service_request\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"member_id\" uuid NOT NULL, \"domain\" text NOT NULL, \"title\" text NOT NULL, \"description\" text NOT NULL, \"start_date\" date NOT NULL, \"end_date\" date NOT NULL, \"estimated_hours\" numeric(7,2) NOT NULL, \"language\" text NOT NULL, \"region\" text NOT NULL, \"on_site\" boolean NOT NULL, \"urgency\" text NOT NULL, \"auto_assign_override\" boolean, \"auto_assign\" boolean NOT NULL, \"status\" text NOT NULL, \"status_reason\" text, \"assignment_id\" uuid, \"professional_id\" uuid, \"assigned_hours\" numeric(7,2), \"estimated_cost\" numeric(12,2), \"assigned_automatically\" boolean, \"created_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"service_request_assignment_check\" CHECK (\"status\" NOT IN ('assigned', 'completed') OR \"assignment_id\" IS NOT NULL), CONSTRAINT \"service_request_hours_check\" CHECK (\"estimated_hours\" > 0), CONSTRAINT \"service_request_window_check\" CHECK (\"start_date\" <= \"end_date\"), CONSTRAINT \"service_request_status_check\" CHECK (\"status\" IN ('submitted', 'pending_review', 'assigned', 'unmatched', 'completed', 'cancelled')), CONSTRAINT \"service_request_pkey\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"service_request_created_idx\" ON \"members\".\"service_request\"  (\"created_at\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"service_request_member_created_idx\" ON \"members\".\"service_request\"  (\"member_id\", \"created_at\", \"id\") ");
    await queryRunner.query("ALTER TABLE \"members\".\"member\" ALTER COLUMN \"created_at\" TYPE TIMESTAMP(3) WITH TIME ZONE");
    await queryRunner.query("ALTER TABLE \"members\".\"member\" ALTER COLUMN \"updated_at\" TYPE TIMESTAMP(3) WITH TIME ZONE");
    await queryRunner.query("ALTER TABLE \"members\".\"credential\" ADD CONSTRAINT \"credential_member_id_fkey\" FOREIGN KEY (\"member_id\") REFERENCES \"members\".\"member\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"members\".\"service_request\" ADD CONSTRAINT \"service_request_member_id_fkey\" FOREIGN KEY (\"member_id\") REFERENCES \"members\".\"member\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"members\".\"service_request\" DROP CONSTRAINT \"service_request_member_id_fkey\"");
    await queryRunner.query("ALTER TABLE \"members\".\"credential\" DROP CONSTRAINT \"credential_member_id_fkey\"");
    await queryRunner.query("ALTER TABLE \"members\".\"member\" ALTER COLUMN \"updated_at\" TYPE TIMESTAMP(6) WITH TIME ZONE");
    await queryRunner.query("ALTER TABLE \"members\".\"member\" ALTER COLUMN \"created_at\" TYPE TIMESTAMP(6) WITH TIME ZONE");
    await queryRunner.query("DROP INDEX \"members\".\"service_request_member_created_idx\"");
    await queryRunner.query("DROP INDEX \"members\".\"service_request_created_idx\"");
    await queryRunner.query("DROP TABLE \"members\".\"service_request\"");
    await queryRunner.query("DROP INDEX \"members\".\"idempotency_key_expires_at_idx\"");
    await queryRunner.query("DROP TABLE \"members\".\"idempotency_key\"");
    await queryRunner.query("DROP TABLE \"members\".\"credential\"");
  }
}
