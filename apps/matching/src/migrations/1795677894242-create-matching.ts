import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateMatching1795677894242 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"matching\".\"assignment\" (\"id\" uuid NOT NULL, \"request_id\" uuid NOT NULL, \"member_id\" uuid NOT NULL, \"professional_id\" uuid NOT NULL, \"hours\" numeric(8,2) NOT NULL, \"cost_rate\" numeric(8,2) NOT NULL, \"estimated_cost\" numeric(12,2) NOT NULL, \"status\" text NOT NULL, \"automatic\" boolean NOT NULL, \"hours_spent\" numeric(8,2), \"decline_reason\" text, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"ended_at\" TIMESTAMP WITH TIME ZONE, CONSTRAINT \"assignment_hours_check\" CHECK (hours > 0), CONSTRAINT \"assignment_status_check\" CHECK (status IN ('active', 'declined', 'completed', 'cancelled')), CONSTRAINT \"assignment_pkey\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"assignment_professional_idx\" ON \"matching\".\"assignment\"  (\"professional_id\", \"created_at\") ");
    await queryRunner.query("CREATE INDEX \"assignment_member_idx\" ON \"matching\".\"assignment\"  (\"member_id\", \"created_at\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"assignment_one_active_per_request\" ON \"matching\".\"assignment\"  (\"request_id\") WHERE status = 'active'");
    await queryRunner.query("CREATE TABLE \"matching\".\"match_request\" (\"id\" uuid NOT NULL, \"member_id\" uuid NOT NULL, \"member_sector\" text, \"domain\" text NOT NULL, \"title\" text NOT NULL, \"description\" text NOT NULL, \"start_date\" date NOT NULL, \"end_date\" date NOT NULL, \"estimated_hours\" numeric(8,2) NOT NULL, \"language\" text NOT NULL, \"region\" text, \"on_site\" boolean NOT NULL, \"urgency\" text NOT NULL, \"auto_assign\" boolean NOT NULL, \"status\" text NOT NULL, \"last_matches\" jsonb, \"submitted_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"match_request_pkey\" PRIMARY KEY (\"id\"))");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE \"matching\".\"match_request\"");
    await queryRunner.query("DROP INDEX \"matching\".\"assignment_one_active_per_request\"");
    await queryRunner.query("DROP INDEX \"matching\".\"assignment_member_idx\"");
    await queryRunner.query("DROP INDEX \"matching\".\"assignment_professional_idx\"");
    await queryRunner.query("DROP TABLE \"matching\".\"assignment\"");
  }
}
