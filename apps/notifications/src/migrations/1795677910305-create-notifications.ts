import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateNotifications1795677910305 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"notifications\".\"email_message\" (\"id\" uuid NOT NULL, \"seq\" BIGSERIAL NOT NULL, \"event_id\" uuid NOT NULL, \"kind\" text NOT NULL, \"recipient_type\" text NOT NULL, \"recipient_id\" uuid NOT NULL, \"facts\" jsonb NOT NULL, \"status\" text NOT NULL DEFAULT 'pending', \"attempt_count\" integer NOT NULL DEFAULT '0', \"retry_step\" integer NOT NULL DEFAULT '0', \"next_attempt_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"locked_until\" TIMESTAMP WITH TIME ZONE, \"lease_token\" uuid, \"recipient_address\" text, \"language\" text, \"subject\" text, \"sent_at\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"email_message_event_kind_key\" UNIQUE (\"event_id\", \"kind\"), CONSTRAINT \"email_message_recipient_type_check\" CHECK (\"recipient_type\" IN ('professional', 'member')), CONSTRAINT \"email_message_status_check\" CHECK (\"status\" IN ('pending', 'succeeded', 'failed')), CONSTRAINT \"email_message_pkey\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"email_message_due_idx\" ON \"notifications\".\"email_message\"  (\"next_attempt_at\") WHERE \"status\" = 'pending'");
    await queryRunner.query("CREATE TABLE \"notifications\".\"email_attempt\" (\"id\" BIGSERIAL NOT NULL, \"message_id\" uuid NOT NULL, \"attempted_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"latency_ms\" integer NOT NULL, \"succeeded\" boolean NOT NULL, \"response\" text, \"error\" text, CONSTRAINT \"email_attempt_pkey\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"email_attempt_message_idx\" ON \"notifications\".\"email_attempt\"  (\"message_id\", \"id\") ");
    await queryRunner.query("CREATE TABLE \"notifications\".\"coordinator_notification\" (\"id\" uuid NOT NULL, \"seq\" BIGSERIAL NOT NULL, \"kind\" text NOT NULL, \"audience\" text NOT NULL, \"source_key\" text NOT NULL, \"request_id\" uuid, \"member_id\" uuid, \"data\" jsonb NOT NULL, \"read_at\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"coordinator_notification_source_key\" UNIQUE (\"source_key\"), CONSTRAINT \"coordinator_notification_audience_check\" CHECK (\"audience\" IN ('coordinators', 'admins')), CONSTRAINT \"coordinator_notification_pkey\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"coordinator_notification_audience_idx\" ON \"notifications\".\"coordinator_notification\"  (\"audience\", \"seq\") ");
    await queryRunner.query("CREATE TABLE \"notifications\".\"tracked_request\" (\"request_id\" uuid NOT NULL, \"member_id\" uuid NOT NULL, \"title\" text, \"start_date\" text, \"end_date\" text, \"assignment_id\" uuid, \"professional_id\" uuid, \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"tracked_request_pkey\" PRIMARY KEY (\"request_id\"))");
    await queryRunner.query("CREATE TABLE \"notifications\".\"webhook_endpoint\" (\"id\" uuid NOT NULL, \"seq\" BIGSERIAL NOT NULL, \"member_id\" uuid NOT NULL, \"url\" text NOT NULL, \"event_types\" text array NOT NULL, \"description\" text, \"secret_sealed\" text NOT NULL, \"status\" text NOT NULL DEFAULT 'active', \"consecutive_failures\" integer NOT NULL DEFAULT '0', \"failing_since\" TIMESTAMP WITH TIME ZONE, \"disabled_at\" TIMESTAMP WITH TIME ZONE, \"disabled_reason\" text, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"webhook_endpoint_status_check\" CHECK (\"status\" IN ('active', 'disabled')), CONSTRAINT \"webhook_endpoint_pkey\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"webhook_endpoint_member_idx\" ON \"notifications\".\"webhook_endpoint\"  (\"member_id\", \"seq\") ");
    await queryRunner.query("CREATE TABLE \"notifications\".\"webhook_delivery\" (\"id\" uuid NOT NULL, \"seq\" BIGSERIAL NOT NULL, \"endpoint_id\" uuid NOT NULL, \"member_id\" uuid NOT NULL, \"event_id\" uuid NOT NULL, \"event_type\" text NOT NULL, \"ordering_key\" text NOT NULL, \"occurred_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"webhook_id\" text NOT NULL, \"payload\" text NOT NULL, \"status\" text NOT NULL DEFAULT 'pending', \"attempt_count\" integer NOT NULL DEFAULT '0', \"retry_step\" integer NOT NULL DEFAULT '0', \"next_attempt_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"locked_until\" TIMESTAMP WITH TIME ZONE, \"lease_token\" uuid, \"delivered_at\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"webhook_delivery_event_endpoint_key\" UNIQUE (\"event_id\", \"endpoint_id\"), CONSTRAINT \"webhook_delivery_status_check\" CHECK (\"status\" IN ('pending', 'succeeded', 'failed')), CONSTRAINT \"webhook_delivery_pkey\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"webhook_delivery_order_idx\" ON \"notifications\".\"webhook_delivery\"  (\"endpoint_id\", \"ordering_key\", \"occurred_at\", \"seq\") WHERE \"status\" = 'pending'");
    await queryRunner.query("CREATE INDEX \"webhook_delivery_due_idx\" ON \"notifications\".\"webhook_delivery\"  (\"next_attempt_at\") WHERE \"status\" = 'pending'");
    await queryRunner.query("CREATE INDEX \"webhook_delivery_endpoint_idx\" ON \"notifications\".\"webhook_delivery\"  (\"endpoint_id\", \"seq\") ");
    await queryRunner.query("CREATE TABLE \"notifications\".\"webhook_attempt\" (\"id\" BIGSERIAL NOT NULL, \"delivery_id\" uuid NOT NULL, \"attempted_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"status_code\" integer, \"latency_ms\" integer NOT NULL, \"succeeded\" boolean NOT NULL, \"error\" text, CONSTRAINT \"webhook_attempt_pkey\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"webhook_attempt_delivery_idx\" ON \"notifications\".\"webhook_attempt\"  (\"delivery_id\", \"id\") ");
    await queryRunner.query("ALTER TABLE \"notifications\".\"email_attempt\" ADD CONSTRAINT \"email_attempt_message_fkey\" FOREIGN KEY (\"message_id\") REFERENCES \"notifications\".\"email_message\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"notifications\".\"webhook_delivery\" ADD CONSTRAINT \"webhook_delivery_endpoint_fkey\" FOREIGN KEY (\"endpoint_id\") REFERENCES \"notifications\".\"webhook_endpoint\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"notifications\".\"webhook_attempt\" ADD CONSTRAINT \"webhook_attempt_delivery_fkey\" FOREIGN KEY (\"delivery_id\") REFERENCES \"notifications\".\"webhook_delivery\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"notifications\".\"webhook_attempt\" DROP CONSTRAINT \"webhook_attempt_delivery_fkey\"");
    await queryRunner.query("ALTER TABLE \"notifications\".\"webhook_delivery\" DROP CONSTRAINT \"webhook_delivery_endpoint_fkey\"");
    await queryRunner.query("ALTER TABLE \"notifications\".\"email_attempt\" DROP CONSTRAINT \"email_attempt_message_fkey\"");
    await queryRunner.query("DROP INDEX \"notifications\".\"webhook_attempt_delivery_idx\"");
    await queryRunner.query("DROP TABLE \"notifications\".\"webhook_attempt\"");
    await queryRunner.query("DROP INDEX \"notifications\".\"webhook_delivery_endpoint_idx\"");
    await queryRunner.query("DROP INDEX \"notifications\".\"webhook_delivery_due_idx\"");
    await queryRunner.query("DROP INDEX \"notifications\".\"webhook_delivery_order_idx\"");
    await queryRunner.query("DROP TABLE \"notifications\".\"webhook_delivery\"");
    await queryRunner.query("DROP INDEX \"notifications\".\"webhook_endpoint_member_idx\"");
    await queryRunner.query("DROP TABLE \"notifications\".\"webhook_endpoint\"");
    await queryRunner.query("DROP TABLE \"notifications\".\"tracked_request\"");
    await queryRunner.query("DROP INDEX \"notifications\".\"coordinator_notification_audience_idx\"");
    await queryRunner.query("DROP TABLE \"notifications\".\"coordinator_notification\"");
    await queryRunner.query("DROP INDEX \"notifications\".\"email_attempt_message_idx\"");
    await queryRunner.query("DROP TABLE \"notifications\".\"email_attempt\"");
    await queryRunner.query("DROP INDEX \"notifications\".\"email_message_due_idx\"");
    await queryRunner.query("DROP TABLE \"notifications\".\"email_message\"");
  }
}
