// Writes a migration for the difference between a service's entities and its migrations.
//   npm run migration:generate -- <service> <MigrationName>
// It applies the existing migrations to a scratch schema copy in a throwaway database, asks TypeORM
// what is still missing, and writes that SQL (and its reverse) as a timestamped migration file.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { adminQuery, buildDataSourceOptions, DatabaseDefinition, migrate, withDatabase } from '@coop/platform';
import { repositoryRoot } from '../repository-root.js';

const DEFINITIONS: Record<string, () => Promise<DatabaseDefinition>> = {
  members: async () => (await import('../../apps/members/src/database.js')).membersDatabase,
  professionals: async () => (await import('../../apps/professionals/src/database.js')).professionalsDatabase,
  matching: async () => (await import('../../apps/matching/src/database.js')).matchingDatabase,
  notifications: async () => (await import('../../apps/notifications/src/database.js')).notificationsDatabase,
};

async function main(): Promise<void> {
  const [service, name] = process.argv.slice(2);
  if (!service || !DEFINITIONS[service] || !name || !/^[A-Z][A-Za-z0-9]+$/.test(name)) {
    throw new Error(`usage: generate-migration <${Object.keys(DEFINITIONS).join('|')}> <PascalCaseName>`);
  }
  const baseUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const scratch = `coop_migration_${Date.now()}`;
  await adminQuery(baseUrl, `CREATE DATABASE ${scratch}`);
  try {
    const definition = await DEFINITIONS[service]();
    const dataSource = await new DataSource(buildDataSourceOptions(definition, { url: withDatabase(baseUrl, scratch) })).initialize();
    try {
      await migrate(dataSource);
      const sql = await dataSource.driver.createSchemaBuilder().log();
      if (sql.upQueries.length === 0) {
        console.log(`${service}: entities and migrations agree; nothing to generate`);
        return;
      }
      const timestamp = Date.now();
      const file = join(repositoryRoot(), 'apps', service, 'src', 'migrations', `${timestamp}-${kebab(name)}.ts`);
      writeFileSync(file, render(`${name}${timestamp}`, sql.upQueries, [...sql.downQueries].reverse()));
      console.log(`wrote ${file}`);
    } finally {
      await dataSource.destroy();
    }
  } finally {
    await adminQuery(baseUrl, `DROP DATABASE IF EXISTS ${scratch}`);
  }
}

function render(className: string, up: { query: string; parameters?: unknown[] }[], down: { query: string; parameters?: unknown[] }[]): string {
  const lines = (queries: typeof up) =>
    queries.map((q) => `    await queryRunner.query(${JSON.stringify(q.query)}${q.parameters?.length ? `, ${JSON.stringify(q.parameters)}` : ''});`).join('\n');
  return `import { MigrationInterface, QueryRunner } from 'typeorm';

export class ${className} implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
${lines(up)}
  }

  async down(queryRunner: QueryRunner): Promise<void> {
${lines(down)}
  }
}
`;
}

function kebab(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
