import { IsIn, IsObject, IsString } from 'class-validator';
import { defineRpc } from '../messaging/rpc-contract.js';

export const SERVICE_NAMES = ['members', 'professionals', 'matching', 'notifications'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

export type DependencyStatus = 'up' | 'down';

export class ServicePingRequest {}

export class ServicePingResponse {
  @IsIn(SERVICE_NAMES)
  service: ServiceName;

  @IsString()
  instance: string;

  /** Each dependency the service checked (postgres, meilisearch...) and its state. */
  @IsObject()
  dependencies: Record<string, DependencyStatus>;
}

/** Readiness probe: every service answers on its own subject, checking its own dependencies. */
export function servicePingRpc(service: ServiceName) {
  return defineRpc(`${service}.health.ping.v1`, ServicePingRequest, ServicePingResponse);
}
