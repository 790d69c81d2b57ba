import { Controller, Inject, Type } from '@nestjs/common';
import { hostname } from 'node:os';
import { DependencyStatus, ServiceName, ServicePingResponse, servicePingRpc } from '@coop/contracts';
import { RpcHandler } from '../messaging/rpc-handler.decorator.js';
import { DEPENDENCY_CHECKS, DependencyCheck } from './dependency-check.js';

/** Answers the gateway's readiness probe for one service, reporting each of its dependencies. */
export function servicePingController(service: ServiceName): Type<unknown> {
  @Controller()
  class ServicePingController {
    constructor(@Inject(DEPENDENCY_CHECKS) private readonly checks: DependencyCheck[]) {}

    @RpcHandler(servicePingRpc(service))
    async ping(): Promise<ServicePingResponse> {
      const results = await Promise.all(this.checks.map(async (check) => [check.name, (await check.isUp()) ? 'up' : 'down'] as const));
      return {
        service,
        instance: `${hostname()}:${process.pid}`,
        dependencies: Object.fromEntries(results) as Record<string, DependencyStatus>,
      };
    }
  }
  return ServicePingController;
}
