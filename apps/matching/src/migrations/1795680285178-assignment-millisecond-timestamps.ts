import { MigrationInterface, QueryRunner } from 'typeorm';

export class AssignmentMillisecondTimestamps1795680285178 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"matching\".\"assignment_professional_idx\"");
    await queryRunner.query("DROP INDEX \"matching\".\"assignment_member_idx\"");
    await queryRunner.query("ALTER TABLE \"matching\".\"assignment\" ALTER COLUMN \"created_at\" TYPE TIMESTAMP(3) WITH TIME ZONE");
    await queryRunner.query("CREATE INDEX \"assignment_professional_idx\" ON \"matching\".\"assignment\"  (\"professional_id\", \"created_at\") ");
    await queryRunner.query("CREATE INDEX \"assignment_member_idx\" ON \"matching\".\"assignment\"  (\"member_id\", \"created_at\") ");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"matching\".\"assignment_member_idx\"");
    await queryRunner.query("DROP INDEX \"matching\".\"assignment_professional_idx\"");
    await queryRunner.query("ALTER TABLE \"matching\".\"assignment\" ALTER COLUMN \"created_at\" TYPE TIMESTAMP(6) WITH TIME ZONE");
    await queryRunner.query("CREATE INDEX \"assignment_member_idx\" ON \"matching\".\"assignment\" USING btree (\"member_id\", \"created_at\") ");
    await queryRunner.query("CREATE INDEX \"assignment_professional_idx\" ON \"matching\".\"assignment\" USING btree (\"professional_id\", \"created_at\") ");
  }
}
