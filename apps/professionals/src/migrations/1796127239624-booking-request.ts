import { MigrationInterface, QueryRunner } from 'typeorm';

/** Bookings name their request, so that a retry can find what an earlier attempt booked. */
export class BookingRequest1796127239624 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"professionals\".\"booking\" ADD \"request_id\" uuid");
    await queryRunner.query("CREATE INDEX \"booking_request_idx\" ON \"professionals\".\"booking\"  (\"request_id\") WHERE request_id IS NOT NULL");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"professionals\".\"booking_request_idx\"");
    await queryRunner.query("ALTER TABLE \"professionals\".\"booking\" DROP COLUMN \"request_id\"");
  }
}
