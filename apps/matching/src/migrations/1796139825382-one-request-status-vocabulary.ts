import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Matching's copy of a request says what members says: a request waiting for matching is
 * 'submitted' (it used to be 'matching' here), and the column holds only the lifecycle's statuses.
 */
export class OneRequestStatusVocabulary1796139825382 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("UPDATE \"matching\".\"match_request\" SET \"status\" = 'submitted' WHERE \"status\" = 'matching'");
    await queryRunner.query("ALTER TABLE \"matching\".\"match_request\" ADD CONSTRAINT \"match_request_status_check\" CHECK (\"status\" IN ('submitted', 'pending_review', 'assigned', 'unmatched', 'completed', 'cancelled'))");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"matching\".\"match_request\" DROP CONSTRAINT \"match_request_status_check\"");
    await queryRunner.query("UPDATE \"matching\".\"match_request\" SET \"status\" = 'matching' WHERE \"status\" = 'submitted'");
  }
}
