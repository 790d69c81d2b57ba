// What the fault suite checks once the system has settled, read from the services' own tables (one
// database, a schema per service) and from the emails written to MAIL_DIR.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type pg from 'pg';
import type { EventBacklog } from './event-backlog.js';
import type { RecordedDelivery } from './webhook-sink.js';

export interface SystemState {
  /** Accepted requests members still shows as submitted (not through matching yet). */
  unsettledRequests: number;
  /** Requests whose status differs between members and matching (an event not applied yet). */
  disagreeingRequests: number;
  requestsWithTwoActiveAssignments: number;
  /** Weeks booked beyond capacity, or whose booked total differs from their bookings. */
  overbookedWeeks: number;
  /** Hours held by bookings that no active or completed assignment holds. */
  leakedHours: number;
  /** Hours of active assignments without a booking. */
  unbookedHours: number;
  pendingWebhooks: number;
  pendingEmails: number;
  /**
   * Events of the stream some service has not handled yet (pending or unacknowledged at its durable
   * consumer); -1 while NATS cannot say. Without it, a service that has not caught up (notifications,
   * whose deliveries are not written yet) would read as having nothing pending.
   */
  unhandledEvents: number;
}

export async function readState(db: pg.Client, requestIds: string[], events: Pick<EventBacklog, 'unhandled'>): Promise<SystemState> {
  const one = async (sql: string, params: unknown[] = []): Promise<number> => Number((await db.query<{ n: string | null }>(sql, params)).rows[0].n ?? 0);
  return {
    unsettledRequests: await one(`SELECT count(*) AS n FROM members.service_request WHERE id = ANY($1::uuid[]) AND status = 'submitted'`, [requestIds]),
    disagreeingRequests: await one(
      `SELECT count(*) AS n FROM members.service_request s LEFT JOIN matching.match_request m ON m.id = s.id
       WHERE s.id = ANY($1::uuid[]) AND (m.id IS NULL OR m.status <> s.status)`,
      [requestIds],
    ),
    requestsWithTwoActiveAssignments: await one(
      `SELECT count(*) AS n FROM (SELECT request_id FROM matching.assignment WHERE status = 'active' GROUP BY request_id HAVING count(DISTINCT coalesce(share_id, id)) > 1 OR count(*) > count(DISTINCT professional_id)) twice`,
    ),
    overbookedWeeks: await one(
      `SELECT count(*) AS n FROM professionals.availability_week w
       LEFT JOIN (SELECT b.professional_id, bw.week_start, sum(bw.hours) AS hours
                  FROM professionals.booking_week bw JOIN professionals.booking b ON b.assignment_id = bw.assignment_id
                  GROUP BY b.professional_id, bw.week_start) parts
         ON parts.professional_id = w.professional_id AND parts.week_start = w.week_start
       WHERE w.booked_hours > w.capacity_hours OR w.booked_hours <> coalesce(parts.hours, 0)`,
    ),
    leakedHours: await one(
      `SELECT sum(b.hours) AS n FROM professionals.booking b
       WHERE NOT EXISTS (SELECT 1 FROM matching.assignment a WHERE a.id = b.assignment_id AND a.status IN ('active', 'completed'))`,
    ),
    unbookedHours: await one(
      `SELECT sum(a.hours) AS n FROM matching.assignment a
       WHERE a.status = 'active' AND NOT EXISTS (SELECT 1 FROM professionals.booking b WHERE b.assignment_id = a.id)`,
    ),
    pendingWebhooks: await one(`SELECT count(*) AS n FROM notifications.webhook_delivery WHERE status <> 'succeeded'`),
    pendingEmails: await one(`SELECT count(*) AS n FROM notifications.email_message WHERE status = 'pending'`),
    unhandledEvents: await events.unhandled().catch(() => -1),
  };
}

/** The requests have settled: none in flight, the services agree, and the books balance. */
export function requestsSettled(state: SystemState): boolean {
  const { pendingWebhooks: _webhooks, pendingEmails: _emails, unhandledEvents: _events, ...requests } = state;
  return Object.values(requests).every((value) => value === 0);
}

/** …and every event has been handled by every service, and every webhook and email they caused has gone out. */
export function allDelivered(state: SystemState): boolean {
  return Object.values(state).every((value) => value === 0);
}

/** The webhook deliveries notifications records as made, as the receiver sees them (path, webhook-id). */
export async function deliveredWebhooks(db: pg.Client): Promise<RecordedDelivery[]> {
  const { rows } = await db.query<{ webhook_id: string; url: string }>(
    `SELECT d.webhook_id, e.url FROM notifications.webhook_delivery d JOIN notifications.webhook_endpoint e ON e.id = d.endpoint_id WHERE d.status = 'succeeded'`,
  );
  return rows.map((row) => ({ path: new URL(row.url).pathname, webhookId: row.webhook_id }));
}

export interface EmailFigures {
  written: number;
  /** Messages (one Message-ID) written more than once. */
  writtenTwice: number;
  /** Emails of one event to one recipient under more than one Message-ID. */
  duplicated: number;
}

export async function emailFigures(db: pg.Client, mailDir: string): Promise<EmailFigures> {
  const files = (await readdir(mailDir).catch(() => [])).filter((file) => file.endsWith('.eml'));
  const perMessage = new Map<string, number>();
  for (const file of files) {
    const text = await readFile(join(mailDir, file), 'utf8');
    const id = /^Message-ID:\s*(\S+)/im.exec(text)?.[1] ?? file;
    perMessage.set(id, (perMessage.get(id) ?? 0) + 1);
  }
  const duplicated = Number(
    (
      await db.query<{ n: string }>(
        `SELECT count(*) AS n FROM (SELECT 1 FROM notifications.email_message GROUP BY event_id, recipient_type, recipient_id, kind HAVING count(*) > 1) twice`,
      )
    ).rows[0].n,
  );
  return { written: files.length, writtenTwice: [...perMessage.values()].filter((count) => count > 1).length, duplicated };
}
