import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The outbox and processed-event tables every service has in its own schema. Unqualified names:
 * the service's search_path puts them in its schema. The trigger NOTIFYs the relay at commit.
 */
export class CreateEventTables1764150000000 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE TABLE outbox_event (
      seq BIGSERIAL NOT NULL,
      id uuid NOT NULL,
      subject text NOT NULL,
      envelope jsonb NOT NULL,
      created_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      published_at TIMESTAMP WITH TIME ZONE,
      CONSTRAINT outbox_event_id_key UNIQUE (id),
      CONSTRAINT outbox_event_pkey PRIMARY KEY (seq))`);
    await queryRunner.query('CREATE INDEX outbox_event_unpublished_idx ON outbox_event (seq) WHERE published_at IS NULL');
    await queryRunner.query(`CREATE TABLE processed_event (
      consumer text NOT NULL,
      event_id uuid NOT NULL,
      processed_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT processed_event_pkey PRIMARY KEY (consumer, event_id))`);
    await queryRunner.query(`CREATE FUNCTION notify_outbox() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM pg_notify(TG_TABLE_SCHEMA || '_outbox', ''); RETURN NULL; END $$`);
    await queryRunner.query(
      'CREATE TRIGGER outbox_event_notify AFTER INSERT ON outbox_event FOR EACH STATEMENT EXECUTE FUNCTION notify_outbox()',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER outbox_event_notify ON outbox_event');
    await queryRunner.query('DROP FUNCTION notify_outbox()');
    await queryRunner.query('DROP TABLE processed_event');
    await queryRunner.query('DROP INDEX outbox_event_unpublished_idx');
    await queryRunner.query('DROP TABLE outbox_event');
  }
}
