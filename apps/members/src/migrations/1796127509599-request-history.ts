import { MigrationInterface, QueryRunner } from 'typeorm';

export class RequestHistory1796127509599 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"members\".\"service_request_history\" (\"sequence\" BIGSERIAL NOT NULL, \"request_id\" uuid NOT NULL, \"type\" text NOT NULL, \"status\" text NOT NULL, \"occurred_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL, \"details\" jsonb NOT NULL DEFAULT '{}', CONSTRAINT \"service_request_history_pkey\" PRIMARY KEY (\"sequence\"))");
    await queryRunner.query("CREATE INDEX \"service_request_history_request_idx\" ON \"members\".\"service_request_history\"  (\"request_id\", \"sequence\") ");
    await queryRunner.query("ALTER TABLE \"members\".\"service_request_history\" ADD CONSTRAINT \"service_request_history_request_fkey\" FOREIGN KEY (\"request_id\") REFERENCES \"members\".\"service_request\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"members\".\"service_request_history\" DROP CONSTRAINT \"service_request_history_request_fkey\"");
    await queryRunner.query("DROP INDEX \"members\".\"service_request_history_request_idx\"");
    await queryRunner.query("DROP TABLE \"members\".\"service_request_history\"");
  }
}
