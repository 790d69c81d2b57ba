import { MigrationInterface, QueryRunner } from 'typeorm';

/** Deliveries of a disabled endpoint are held, to be sent when it is enabled again. */
export class HeldWebhookDeliveries1796128179709 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "notifications"."webhook_delivery" DROP CONSTRAINT "webhook_delivery_status_check"');
    await queryRunner.query(
      "ALTER TABLE \"notifications\".\"webhook_delivery\" ADD CONSTRAINT \"webhook_delivery_status_check\" CHECK (\"status\" IN ('pending', 'held', 'succeeded', 'failed'))",
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("UPDATE \"notifications\".\"webhook_delivery\" SET status = 'failed' WHERE status = 'held'");
    await queryRunner.query('ALTER TABLE "notifications"."webhook_delivery" DROP CONSTRAINT "webhook_delivery_status_check"');
    await queryRunner.query(
      "ALTER TABLE \"notifications\".\"webhook_delivery\" ADD CONSTRAINT \"webhook_delivery_status_check\" CHECK (\"status\" IN ('pending', 'succeeded', 'failed'))",
    );
  }
}
