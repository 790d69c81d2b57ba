import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A request may be shared between professionals: its parts are assignments naming one share. A
 * request still has at most one active assignment held alone, and a professional at most one
 * active part of a request; every change locks the request row first, so a share and a lone
 * assignment never stand together.
 */
export class SharedAssignments1796200000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "matching"."assignment" ADD "share_id" uuid');
    await queryRunner.query('DROP INDEX "matching"."assignment_one_active_per_request"');
    await queryRunner.query(
      'CREATE UNIQUE INDEX "assignment_one_active_per_request" ON "matching"."assignment" ("request_id") WHERE status = \'active\' AND share_id IS NULL',
    );
    await queryRunner.query(
      'CREATE UNIQUE INDEX "assignment_one_active_part_per_professional" ON "matching"."assignment" ("request_id", "professional_id") WHERE status = \'active\'',
    );
    await queryRunner.query('CREATE INDEX "assignment_share_idx" ON "matching"."assignment" ("share_id") ');
    await queryRunner.query('ALTER TABLE "matching"."match_request" ADD "auto_assign_split" boolean NOT NULL DEFAULT false');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "matching"."match_request" DROP COLUMN "auto_assign_split"');
    await queryRunner.query('DROP INDEX "matching"."assignment_share_idx"');
    await queryRunner.query('DROP INDEX "matching"."assignment_one_active_part_per_professional"');
    await queryRunner.query('DROP INDEX "matching"."assignment_one_active_per_request"');
    await queryRunner.query('CREATE UNIQUE INDEX "assignment_one_active_per_request" ON "matching"."assignment" ("request_id") WHERE status = \'active\'');
    await queryRunner.query('ALTER TABLE "matching"."assignment" DROP COLUMN "share_id"');
  }
}
