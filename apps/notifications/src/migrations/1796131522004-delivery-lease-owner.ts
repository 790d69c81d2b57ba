import { MigrationInterface, QueryRunner } from 'typeorm';

/** A lease names the worker that holds it, so that it can be taken over as soon as that worker is gone. */
export class DeliveryLeaseOwner1796131522004 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"notifications\".\"email_message\" ADD \"lease_owner\" integer");
    await queryRunner.query("ALTER TABLE \"notifications\".\"webhook_delivery\" ADD \"lease_owner\" integer");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"notifications\".\"webhook_delivery\" DROP COLUMN \"lease_owner\"");
    await queryRunner.query("ALTER TABLE \"notifications\".\"email_message\" DROP COLUMN \"lease_owner\"");
  }
}
