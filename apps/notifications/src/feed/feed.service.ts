import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import {
  CoordinatorNotificationKind,
  CoordinatorNotificationPage,
  CoordinatorNotificationView,
  DomainException,
  LanguageCode,
  ListNotificationsRequest,
  MarkNotificationReadRequest,
  NotificationAudience,
} from '@coop/contracts';
import { decodeSeqCursor, DEFAULT_PAGE_SIZE, toPage } from '../pagination/seq-cursor.js';
import { CoordinatorNotificationEntity } from './coordinator-notification.entity.js';
import { feedMessage } from './feed-messages.js';

export interface NewFeedEntry {
  kind: CoordinatorNotificationKind;
  audience: NotificationAudience;
  /** The cause (an event id...): recording the same cause twice keeps one entry. */
  sourceKey: string;
  requestId?: string;
  memberId?: string;
  data: Record<string, unknown>;
}

const DEFAULT_LANGUAGE: LanguageCode = 'en';

/** The coordinator feed: entries written with the change that caused them, read and marked read. */
@Injectable()
export class FeedService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async record(manager: EntityManager, entry: NewFeedEntry): Promise<void> {
    await manager.query(
      `INSERT INTO coordinator_notification (id, kind, audience, source_key, request_id, member_id, data)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT ON CONSTRAINT coordinator_notification_source_key DO NOTHING`,
      [randomUUID(), entry.kind, entry.audience, entry.sourceKey, entry.requestId ?? null, entry.memberId ?? null, JSON.stringify(entry.data)],
    );
  }

  async list(query: ListNotificationsRequest): Promise<CoordinatorNotificationPage> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const before = decodeSeqCursor(query.cursor);
    const builder = this.dataSource
      .getRepository(CoordinatorNotificationEntity)
      .createQueryBuilder('n')
      .orderBy('n.seq', 'DESC')
      .take(limit + 1);
    if (!query.includeAdmin) builder.andWhere("n.audience = 'coordinators'");
    if (query.unread === true) builder.andWhere('n.read_at IS NULL');
    if (query.unread === false) builder.andWhere('n.read_at IS NOT NULL');
    if (before) builder.andWhere('n.seq < :before', { before });
    const language = query.language ?? DEFAULT_LANGUAGE;
    return toPage(await builder.getMany(), limit, (row) => toView(row, language));
  }

  async markRead(request: MarkNotificationReadRequest): Promise<CoordinatorNotificationView> {
    const [rows] = (await this.dataSource.query(
      `UPDATE coordinator_notification SET read_at = COALESCE(read_at, now())
       WHERE id = $1 AND ($2 OR audience = 'coordinators') RETURNING id`,
      [request.id, request.includeAdmin ?? false],
    )) as [Array<{ id: string }>, number];
    if (rows.length === 0) throw DomainException.notFound('Notification', request.id);
    const row = await this.dataSource.getRepository(CoordinatorNotificationEntity).findOneByOrFail({ id: request.id });
    return toView(row, request.language ?? DEFAULT_LANGUAGE);
  }
}

function toView(row: CoordinatorNotificationEntity, language: LanguageCode): CoordinatorNotificationView {
  return {
    id: row.id,
    kind: row.kind,
    audience: row.audience,
    message: feedMessage(row.kind, language, row.data),
    requestId: row.requestId,
    memberId: row.memberId,
    data: row.data,
    createdAt: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
  };
}
