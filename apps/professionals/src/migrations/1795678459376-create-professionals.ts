import { MigrationInterface, QueryRunner } from 'typeorm';

/** Profiles, time off, bookings, the weekly availability ledger, and the search index queue. */
export class CreateProfessionals1795678459376 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"professionals\".\"professional\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"full_name\" text NOT NULL, \"email\" text NOT NULL, \"domains\" jsonb NOT NULL, \"skills\" text array NOT NULL DEFAULT '{}', \"bio\" text NOT NULL DEFAULT '', \"languages\" text array NOT NULL, \"region\" text NOT NULL, \"coop_years\" integer NOT NULL DEFAULT '0', \"coop_sectors\" text array NOT NULL DEFAULT '{}', \"coop_mandates\" integer NOT NULL DEFAULT '0', \"weekly_capacity_hours\" numeric(5,2) NOT NULL, \"cost_rate\" numeric(8,2) NOT NULL, \"active\" boolean NOT NULL DEFAULT true, \"created_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP(3) WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"professional_email_key\" UNIQUE (\"email\"), CONSTRAINT \"professional_cost_rate_positive\" CHECK (\"cost_rate\" > 0), CONSTRAINT \"professional_weekly_capacity_range\" CHECK (\"weekly_capacity_hours\" >= 0 AND \"weekly_capacity_hours\" <= 60), CONSTRAINT \"professional_pkey\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"professional_created_at_id_idx\" ON \"professionals\".\"professional\"  (\"created_at\", \"id\") ");
    await queryRunner.query("CREATE TABLE \"professionals\".\"availability_week\" (\"professional_id\" uuid NOT NULL, \"week_start\" date NOT NULL, \"capacity_hours\" numeric(6,2) NOT NULL, \"booked_hours\" numeric(8,2) NOT NULL DEFAULT '0', CONSTRAINT \"availability_week_booked_not_negative\" CHECK (\"booked_hours\" >= 0), CONSTRAINT \"availability_week_not_overbooked\" CHECK (\"booked_hours\" <= \"capacity_hours\"), CONSTRAINT \"availability_week_pkey\" PRIMARY KEY (\"professional_id\", \"week_start\"))");
    await queryRunner.query("CREATE TABLE \"professionals\".\"booking\" (\"assignment_id\" uuid NOT NULL, \"professional_id\" uuid NOT NULL, \"start_date\" date NOT NULL, \"end_date\" date NOT NULL, \"hours\" numeric(8,2) NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"booking_hours_not_negative\" CHECK (\"hours\" >= 0), CONSTRAINT \"booking_range\" CHECK (\"end_date\" >= \"start_date\"), CONSTRAINT \"booking_pkey\" PRIMARY KEY (\"assignment_id\"))");
    await queryRunner.query("CREATE INDEX \"booking_professional_start_idx\" ON \"professionals\".\"booking\"  (\"professional_id\", \"start_date\") ");
    await queryRunner.query("CREATE TABLE \"professionals\".\"booking_week\" (\"assignment_id\" uuid NOT NULL, \"week_start\" date NOT NULL, \"hours\" numeric(8,2) NOT NULL, CONSTRAINT \"booking_week_hours_not_negative\" CHECK (\"hours\" >= 0), CONSTRAINT \"booking_week_pkey\" PRIMARY KEY (\"assignment_id\", \"week_start\"))");
    await queryRunner.query("CREATE TABLE \"professionals\".\"time_off\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"professional_id\" uuid NOT NULL, \"start_date\" date NOT NULL, \"end_date\" date NOT NULL, \"reason\" text, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"time_off_range\" CHECK (\"end_date\" >= \"start_date\"), CONSTRAINT \"time_off_pkey\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"time_off_professional_start_idx\" ON \"professionals\".\"time_off\"  (\"professional_id\", \"start_date\") ");
    await queryRunner.query("CREATE TABLE \"professionals\".\"index_queue\" (\"seq\" BIGSERIAL NOT NULL, \"professional_id\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"indexed_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"index_queue_pkey\" PRIMARY KEY (\"seq\"))");
    await queryRunner.query("CREATE INDEX \"index_queue_created_at_idx\" ON \"professionals\".\"index_queue\"  (\"created_at\") ");
    await queryRunner.query("CREATE INDEX \"index_queue_pending_idx\" ON \"professionals\".\"index_queue\"  (\"seq\") WHERE indexed_at IS NULL");
    await queryRunner.query("CREATE TABLE \"professionals\".\"search_index_state\" (\"name\" text NOT NULL, \"horizon_start\" date NOT NULL, \"rebuilt_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"search_index_state_pkey\" PRIMARY KEY (\"name\"))");
    await queryRunner.query("ALTER TABLE \"professionals\".\"availability_week\" ADD CONSTRAINT \"availability_week_professional_fkey\" FOREIGN KEY (\"professional_id\") REFERENCES \"professionals\".\"professional\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"professionals\".\"booking\" ADD CONSTRAINT \"booking_professional_fkey\" FOREIGN KEY (\"professional_id\") REFERENCES \"professionals\".\"professional\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"professionals\".\"booking_week\" ADD CONSTRAINT \"booking_week_booking_fkey\" FOREIGN KEY (\"assignment_id\") REFERENCES \"professionals\".\"booking\"(\"assignment_id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"professionals\".\"time_off\" ADD CONSTRAINT \"time_off_professional_fkey\" FOREIGN KEY (\"professional_id\") REFERENCES \"professionals\".\"professional\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    // Wakes the search indexer when a change is committed (NOTIFY is delivered at commit).
    await queryRunner.query(`CREATE FUNCTION notify_index_queue() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN PERFORM pg_notify(TG_TABLE_SCHEMA || '_index', ''); RETURN NULL; END $$`);
    await queryRunner.query('CREATE TRIGGER index_queue_notify AFTER INSERT ON index_queue FOR EACH STATEMENT EXECUTE FUNCTION notify_index_queue()');
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TRIGGER index_queue_notify ON index_queue');
    await queryRunner.query('DROP FUNCTION notify_index_queue()');
    await queryRunner.query("ALTER TABLE \"professionals\".\"time_off\" DROP CONSTRAINT \"time_off_professional_fkey\"");
    await queryRunner.query("ALTER TABLE \"professionals\".\"booking_week\" DROP CONSTRAINT \"booking_week_booking_fkey\"");
    await queryRunner.query("ALTER TABLE \"professionals\".\"booking\" DROP CONSTRAINT \"booking_professional_fkey\"");
    await queryRunner.query("ALTER TABLE \"professionals\".\"availability_week\" DROP CONSTRAINT \"availability_week_professional_fkey\"");
    await queryRunner.query("DROP TABLE \"professionals\".\"search_index_state\"");
    await queryRunner.query("DROP INDEX \"professionals\".\"index_queue_pending_idx\"");
    await queryRunner.query("DROP INDEX \"professionals\".\"index_queue_created_at_idx\"");
    await queryRunner.query("DROP TABLE \"professionals\".\"index_queue\"");
    await queryRunner.query("DROP INDEX \"professionals\".\"time_off_professional_start_idx\"");
    await queryRunner.query("DROP TABLE \"professionals\".\"time_off\"");
    await queryRunner.query("DROP TABLE \"professionals\".\"booking_week\"");
    await queryRunner.query("DROP INDEX \"professionals\".\"booking_professional_start_idx\"");
    await queryRunner.query("DROP TABLE \"professionals\".\"booking\"");
    await queryRunner.query("DROP TABLE \"professionals\".\"availability_week\"");
    await queryRunner.query("DROP INDEX \"professionals\".\"professional_created_at_id_idx\"");
    await queryRunner.query("DROP TABLE \"professionals\".\"professional\"");
  }
}
