import { MigrationInterface, QueryRunner } from 'typeorm';

/** A member's policy on automatic splits, and the parts of a shared request. */
export class SharedAssignments1796200000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "members"."member" ADD "auto_assign_split" boolean NOT NULL DEFAULT false');
    await queryRunner.query('ALTER TABLE "members"."service_request" ADD "share_id" uuid');
    await queryRunner.query('ALTER TABLE "members"."service_request" ADD "assignment_parts" jsonb');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "members"."service_request" DROP COLUMN "assignment_parts"');
    await queryRunner.query('ALTER TABLE "members"."service_request" DROP COLUMN "share_id"');
    await queryRunner.query('ALTER TABLE "members"."member" DROP COLUMN "auto_assign_split"');
  }
}
