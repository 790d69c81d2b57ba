import { MigrationInterface, QueryRunner } from 'typeorm';

export class CredentialRevokedBy1796127306246 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"members\".\"credential\" ADD \"revoked_by\" text");
    // Before this column, the start-up sync was what revoked bootstrap keys (ADMIN_API_KEY changed):
    // such a key comes back when configured again. Any other revoked key was revoked through the API.
    await queryRunner.query("UPDATE \"members\".\"credential\" SET \"revoked_by\" = CASE WHEN \"bootstrap\" THEN 'configuration' ELSE 'api' END WHERE \"revoked_at\" IS NOT NULL");
    await queryRunner.query("ALTER TABLE \"members\".\"credential\" ADD CONSTRAINT \"credential_revoked_by_check\" CHECK ((\"revoked_by\" IS NULL OR \"revoked_by\" IN ('api', 'configuration')) AND (\"revoked_by\" IS NULL) = (\"revoked_at\" IS NULL))");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"members\".\"credential\" DROP CONSTRAINT \"credential_revoked_by_check\"");
    await queryRunner.query("ALTER TABLE \"members\".\"credential\" DROP COLUMN \"revoked_by\"");
  }
}
