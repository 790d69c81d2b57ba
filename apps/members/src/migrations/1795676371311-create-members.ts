import { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateMembers1795676371311 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"members\".\"member\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"name\" text NOT NULL, \"sector\" text NOT NULL, \"language\" text NOT NULL, \"region\" text NOT NULL, \"contact_email\" text NOT NULL, \"auto_assign\" boolean NOT NULL DEFAULT false, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"member_pkey\" PRIMARY KEY (\"id\"))");
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP TABLE \"members\".\"member\"");
  }
}
