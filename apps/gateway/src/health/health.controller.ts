import { Controller, Get, Res, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiResponseSchemaHost, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import { HealthCheckResult, HealthCheckService } from '@nestjs/terminus';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/roles.js';
import { ApiProblems } from '../http/openapi.js';
import { ReadinessService } from './readiness.service.js';

const HEALTH_SCHEMA: NonNullable<ApiResponseSchemaHost['schema']> = {
  type: 'object',
  properties: { status: { type: 'string', enum: ['ok', 'error'] }, details: { type: 'object', additionalProperties: { type: 'object' } } },
};

@ApiTags('health')
@ApiProblems()
@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly readiness: ReadinessService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Liveness: the gateway process is up' })
  @ApiOkResponse({ schema: { type: 'object', properties: { status: { type: 'string', enum: ['ok'] } }, required: ['status'] } })
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  @ApiOperation({ summary: 'Readiness of every service, NATS, Postgres and Meilisearch (503 when any is down)' })
  @ApiOkResponse({ description: 'Everything is up', schema: HEALTH_SCHEMA })
  @ApiServiceUnavailableResponse({ description: 'Something is down (named in details)', schema: HEALTH_SCHEMA })
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<HealthCheckResult> {
    try {
      return await this.health.check(await this.readiness.checks());
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      void reply.status(503);
      return error.getResponse() as HealthCheckResult;
    }
  }
}
