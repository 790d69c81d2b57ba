import { defineRpc } from '../messaging/rpc-contract.js';
import {
  CancelServiceRequestCommand,
  ListServiceRequestsRequest,
  RequestHistoryView,
  ServiceRequestIdRequest,
  ServiceRequestPage,
  ServiceRequestView,
  SubmissionResult,
  SubmitServiceRequestCommand,
} from './service-request.dto.js';

export const ServiceRequestRpc = {
  /** Validates, stores and emits `events.request.submitted.v1`; idempotent per `idempotency` when given. */
  submit: defineRpc('members.request.submit.v1', SubmitServiceRequestCommand, SubmissionResult),
  get: defineRpc('members.request.get.v1', ServiceRequestIdRequest, ServiceRequestView),
  list: defineRpc('members.request.list.v1', ListServiceRequestsRequest, ServiceRequestPage),
  /** Emits `events.request.cancelled.v1`; cancelling a cancelled request changes nothing. */
  cancel: defineRpc('members.request.cancel.v1', CancelServiceRequestCommand, ServiceRequestView),
  /** Every step of the request's life, oldest first (scoped like `get`). */
  history: defineRpc('members.request.history.v1', ServiceRequestIdRequest, RequestHistoryView),
} as const;
