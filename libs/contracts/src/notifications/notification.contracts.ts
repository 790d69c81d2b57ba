import { defineRpc } from '../messaging/rpc-contract.js';
import { CoordinatorNotificationPage, CoordinatorNotificationView, ListNotificationsRequest, MarkNotificationReadRequest } from './notification.dto.js';
import {
  CreatedWebhookEndpointView,
  CreateWebhookEndpointRequest,
  EnabledWebhookEndpointView,
  EnableWebhookEndpointRequest,
  ListWebhookDeliveriesRequest,
  ListWebhookEndpointsRequest,
  ReplayWebhookDeliveryRequest,
  WebhookDeliveryPage,
  WebhookDeliveryView,
  WebhookEndpointPage,
  WebhookEndpointRef,
  WebhookEndpointView,
} from './webhook.dto.js';

export const WebhookRpc = {
  create: defineRpc('notifications.webhook.create.v1', CreateWebhookEndpointRequest, CreatedWebhookEndpointView),
  list: defineRpc('notifications.webhook.list.v1', ListWebhookEndpointsRequest, WebhookEndpointPage),
  get: defineRpc('notifications.webhook.get.v1', WebhookEndpointRef, WebhookEndpointView),
  delete: defineRpc('notifications.webhook.delete.v1', WebhookEndpointRef, WebhookEndpointView),
  enable: defineRpc('notifications.webhook.enable.v1', EnableWebhookEndpointRequest, EnabledWebhookEndpointView),
  deliveries: defineRpc('notifications.webhook.deliveries.v1', ListWebhookDeliveriesRequest, WebhookDeliveryPage),
  replay: defineRpc('notifications.webhook.replay.v1', ReplayWebhookDeliveryRequest, WebhookDeliveryView),
} as const;

export const NotificationRpc = {
  list: defineRpc('notifications.feed.list.v1', ListNotificationsRequest, CoordinatorNotificationPage),
  markRead: defineRpc('notifications.feed.mark-read.v1', MarkNotificationReadRequest, CoordinatorNotificationView),
} as const;
