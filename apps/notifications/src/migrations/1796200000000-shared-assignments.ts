import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A shared request: one event tells each of its professionals (one email of a kind per recipient),
 * and a cancellation must know every part's professional.
 */
export class SharedAssignments1796200000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "notifications"."email_message" DROP CONSTRAINT "email_message_event_kind_key"');
    await queryRunner.query('ALTER TABLE "notifications"."email_message" ADD CONSTRAINT "email_message_event_kind_recipient_key" UNIQUE ("event_id", "kind", "recipient_id")');
    await queryRunner.query('ALTER TABLE "notifications"."tracked_request" ADD "share_parts" jsonb');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "notifications"."tracked_request" DROP COLUMN "share_parts"');
    await queryRunner.query('ALTER TABLE "notifications"."email_message" DROP CONSTRAINT "email_message_event_kind_recipient_key"');
    await queryRunner.query('ALTER TABLE "notifications"."email_message" ADD CONSTRAINT "email_message_event_kind_key" UNIQUE ("event_id", "kind")');
  }
}
