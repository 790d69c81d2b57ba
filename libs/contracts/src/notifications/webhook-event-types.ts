/**
 * Public names of the events partner systems can subscribe to (`POST /v1/webhooks`) and that
 * appear as `type` in every webhook body. Published names are never renamed.
 */
export const WEBHOOK_EVENT_TYPES = [
  'request.submitted',
  'request.pending_review',
  'request.assigned',
  'request.unmatched',
  'request.cancelled',
  'assignment.declined',
  'assignment.completed',
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];
