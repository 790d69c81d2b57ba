import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { performance } from 'node:perf_hooks';
import { DataSource, In } from 'typeorm';
import { DomainException, ErrorCode } from '@coop/contracts';
import { NotificationsConfig } from '../config.js';
import { Lease, LeasedQueue } from '../delivery/leased-queue.js';
import { PollingWorker } from '../delivery/polling-worker.js';
import { RetryPolicy } from '../delivery/retry-policy.js';
import { WorkerPresence } from '../delivery/worker-presence.js';
import { EmailAttemptEntity } from './email-attempt.entity.js';
import { EmailMessageEntity } from './email-message.entity.js';
import { EmailRecipients, ResolvedRecipient } from './email-recipients.js';
import { renderEmail } from './email-templates.js';
import { MailTransport } from './mail-transport.js';

const LEASE_MARGIN_MS = 30_000;

/**
 * Sends queued emails with the same retry schedule, leasing and attempt log as webhooks. The
 * recipient is looked up at each attempt; one that does not exist, or a message the SMTP server
 * refuses for good (5xx), is given up at once.
 */
@Injectable()
export class EmailDispatcher extends PollingWorker {
  protected readonly logger = new Logger(EmailDispatcher.name);
  private readonly queue: LeasedQueue;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(NotificationsConfig) private readonly config: NotificationsConfig,
    private readonly recipients: EmailRecipients,
    private readonly transport: MailTransport,
    presence: WorkerPresence,
  ) {
    super(config.DELIVERY_POLL_MS);
    const retry = new RetryPolicy(config.retrySchedule, config.DELIVERY_RETRY_JITTER);
    // Two lookups and the SMTP exchange fit in the lease.
    this.queue = new LeasedQueue('email_message', retry, 2 * config.RPC_TIMEOUT_MS + config.SMTP_TIMEOUT_MS + LEASE_MARGIN_MS, presence);
  }

  protected async runOnce(): Promise<boolean> {
    const batchSize = this.config.DELIVERY_BATCH_SIZE;
    const leases = await this.queue.claim(this.dataSource, batchSize);
    if (leases.length === 0) return false;
    const messages = await this.dataSource.getRepository(EmailMessageEntity).findBy({ id: In(leases.map((l) => l.id)) });
    const byId = new Map(messages.map((message) => [message.id, message]));
    await Promise.all(leases.map((lease) => this.send(lease, byId.get(lease.id)!)));
    return leases.length === batchSize;
  }

  private async send(lease: Lease, message: EmailMessageEntity): Promise<void> {
    const attemptedAt = new Date();
    const started = performance.now();
    let sent: { recipient: ResolvedRecipient; subject: string; response: string } | undefined;
    let error: unknown;
    try {
      const recipient = await this.recipients.resolve(message);
      const rendered = renderEmail(message.kind, recipient.language, recipient.context);
      const response = await this.transport.send({ id: message.id, createdAt: message.createdAt, to: recipient.address, language: recipient.language, ...rendered });
      sent = { recipient, subject: rendered.subject, response };
    } catch (caught) {
      error = caught;
    }
    const latencyMs = Math.round(performance.now() - started);
    try {
      await this.dataSource.transaction(async (manager) => {
        await manager.insert(EmailAttemptEntity, {
          messageId: message.id,
          attemptedAt,
          latencyMs,
          succeeded: sent !== undefined,
          response: sent?.response ?? null,
          error: sent ? null : describe(error),
        });
        if (sent) {
          if (await this.queue.succeeded(manager, lease)) {
            const { recipient, subject } = sent;
            await manager.update(EmailMessageEntity, { id: message.id }, { sentAt: attemptedAt, recipientAddress: recipient.address, language: recipient.language, subject });
          }
          return;
        }
        const state = await this.queue.failed(manager, lease, isPermanent(error));
        this.logger.warn({ msg: 'email attempt failed', emailId: message.id, kind: message.kind, error: describe(error), next: state });
      });
    } catch (recordError) {
      // The lease runs out and the email is sent again: at least once.
      this.logger.error({ msg: 'could not record an email attempt', emailId: message.id, err: recordError });
    }
  }
}

function isPermanent(error: unknown): boolean {
  if (error instanceof DomainException) return error.code === ErrorCode.NotFound || error.code === ErrorCode.ValidationFailed;
  const responseCode = (error as { responseCode?: number }).responseCode;
  return typeof responseCode === 'number' && responseCode >= 500 && responseCode < 600;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
