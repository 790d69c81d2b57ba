import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQuery } from '../common/pagination.js';
import { StrictBoolean } from '../common/strict-boolean.js';
import { LANGUAGE_CODES, type LanguageCode } from '../taxonomy/languages.js';

export const COORDINATOR_NOTIFICATION_KINDS = ['request_unmatched', 'assignment_declined', 'urgent_request', 'webhook_endpoint_disabled'] as const;
export type CoordinatorNotificationKind = (typeof COORDINATOR_NOTIFICATION_KINDS)[number];

/** Who a feed entry is for: coordinators see theirs; admins see every entry. */
export const NOTIFICATION_AUDIENCES = ['coordinators', 'admins'] as const;
export type NotificationAudience = (typeof NOTIFICATION_AUDIENCES)[number];

/** The query string of `GET /v1/notifications`. */
export class NotificationsQuery extends PageQuery {
  @ApiPropertyOptional({ type: Boolean, description: 'Only unread entries (true) or only read ones (false)' })
  @IsOptional()
  @StrictBoolean()
  unread?: boolean;
}

export class ListNotificationsRequest extends NotificationsQuery {
  /** Whether admin-only entries are included (the caller is an admin). */
  @IsOptional()
  @IsBoolean()
  includeAdmin?: boolean;

  /** Language of the `message` of each entry. */
  @IsOptional()
  @IsIn(LANGUAGE_CODES)
  language?: LanguageCode;
}

export class MarkNotificationReadRequest {
  @IsUUID('4', { message: 'id must be a UUID' })
  id: string;

  @IsOptional()
  @IsBoolean()
  includeAdmin?: boolean;

  @IsOptional()
  @IsIn(LANGUAGE_CODES)
  language?: LanguageCode;
}

export class CoordinatorNotificationView {
  @ApiProperty({ format: 'uuid' })
  id: string;
  @ApiProperty({ enum: COORDINATOR_NOTIFICATION_KINDS, enumName: 'CoordinatorNotificationKind' })
  kind: CoordinatorNotificationKind;
  @ApiProperty({ enum: NOTIFICATION_AUDIENCES, enumName: 'NotificationAudience' })
  audience: NotificationAudience;
  @ApiProperty({ description: 'In the language of Accept-Language' })
  message: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  requestId: string | null;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  memberId: string | null;
  @ApiProperty({ type: 'object', additionalProperties: true })
  data: Record<string, unknown>;
  @ApiProperty({ format: 'date-time' })
  createdAt: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  readAt: string | null;
}

export class CoordinatorNotificationPage {
  @ApiProperty({ type: [CoordinatorNotificationView] })
  items: CoordinatorNotificationView[];
  @ApiProperty({ type: String, nullable: true })
  nextCursor: string | null;
}
