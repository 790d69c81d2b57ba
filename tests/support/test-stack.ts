import { INestApplicationContext } from '@nestjs/common';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ServiceName } from '@coop/contracts';
import { createService } from '@coop/platform';
import { createTestEnvironment, TestEnvironment } from '@coop/platform/testing';
import { createGateway } from '../../apps/gateway/src/create-gateway.js';
import { MatchingAppModule } from '../../apps/matching/src/app.module.js';
import { MembersAppModule } from '../../apps/members/src/app.module.js';
import { NotificationsAppModule } from '../../apps/notifications/src/app.module.js';
import { ProfessionalsAppModule } from '../../apps/professionals/src/app.module.js';

export type StackPart = ServiceName | 'gateway';

const MODULES = {
  members: MembersAppModule,
  professionals: ProfessionalsAppModule,
  matching: MatchingAppModule,
  notifications: NotificationsAppModule,
} as const;

export const ADMIN_KEY = 'test-admin-key-0123456789';
/** Encrypts webhook secrets at rest in tests (32 bytes, hex). */
const TEST_WEBHOOK_SECRET_KEY = '7e57'.repeat(16);

/**
 * The real services, in this process, on the real Postgres, NATS and Meilisearch, isolated in
 * their own database, namespace and index prefix. Parts can be stopped and started again.
 */
export class TestStack {
  private readonly running = new Map<StackPart, INestApplicationContext>();

  private constructor(
    readonly environment: TestEnvironment,
    private readonly mailDir: string,
  ) {}

  static async start(parts: StackPart[], overrides: NodeJS.ProcessEnv = {}): Promise<TestStack> {
    // Emails of a stack without SMTP_HOST go to files: keep them out of the developer's .data/mail.
    const mailDir = await mkdtemp(join(tmpdir(), 'coop-test-mail-'));
    const environment = await createTestEnvironment({
      ADMIN_API_KEY: ADMIN_KEY,
      WEBHOOK_SECRET_KEY: TEST_WEBHOOK_SECRET_KEY,
      // Test receivers listen on 127.0.0.1.
      WEBHOOK_ALLOW_PRIVATE_URLS: 'true',
      MAIL_DIR: mailDir,
      // A generous rate limit: only the test of rate limiting sets a low one.
      RATE_LIMIT_MAX: '1000000',
      ...overrides,
    });
    const stack = new TestStack(environment, mailDir);
    for (const part of parts) await stack.startPart(part);
    return stack;
  }

  get env(): NodeJS.ProcessEnv {
    return this.environment.env;
  }

  async startPart(part: StackPart): Promise<void> {
    if (this.running.has(part)) return;
    const app =
      part === 'gateway'
        ? await createGateway(this.env)
        : await createService(part, MODULES[part].forRoot(this.env), this.env);
    this.running.set(part, app);
  }

  async stopPart(part: StackPart): Promise<void> {
    const app = this.running.get(part);
    this.running.delete(part);
    await app?.close();
  }

  /** A running part's Nest application (to reach its providers). */
  app(part: StackPart): INestApplicationContext {
    const app = this.running.get(part);
    if (!app) throw new Error(`${part} is not running`);
    return app;
  }

  /** Base URL of the running gateway. */
  gatewayUrl(): string {
    const gateway = this.running.get('gateway') as NestFastifyApplication | undefined;
    if (!gateway) throw new Error('the gateway is not running');
    const address = gateway.getHttpServer().address() as { port: number };
    return `http://127.0.0.1:${address.port}`;
  }

  async dispose(): Promise<void> {
    for (const part of [...this.running.keys()].reverse()) await this.stopPart(part);
    await this.environment.dispose();
    await rm(this.mailDir, { recursive: true, force: true });
  }
}
