import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { PUBLIC_METADATA, ROLES_METADATA } from './roles.js';

// Where @Get/@Post... record the HTTP method of a handler (@nestjs/common constants).
const ROUTE_METHOD_METADATA = 'method';

/** Refuses to start a gateway with a route that says neither @Roles(...) nor @Public(). */
@Injectable()
export class RouteAccessAudit implements OnModuleInit {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onModuleInit(): void {
    const undeclared: string[] = [];
    for (const wrapper of this.discovery.getControllers()) {
      const controller = wrapper.metatype as (new (...args: never[]) => unknown) | null;
      if (!controller) continue;
      for (const name of this.scanner.getAllMethodNames(controller.prototype as object)) {
        const handler = (controller.prototype as Record<string, unknown>)[name] as (...args: unknown[]) => unknown;
        if (Reflect.getMetadata(ROUTE_METHOD_METADATA, handler) === undefined) continue;
        const targets = [handler, controller];
        const declared =
          this.reflector.getAllAndOverride<unknown>(ROLES_METADATA, targets) !== undefined ||
          this.reflector.getAllAndOverride<unknown>(PUBLIC_METADATA, targets) !== undefined;
        if (!declared) undeclared.push(`${controller.name}.${name}`);
      }
    }
    if (undeclared.length > 0) {
      throw new Error(`Every route must declare @Roles(...) or @Public(); these do not: ${undeclared.join(', ')}`);
    }
  }
}
