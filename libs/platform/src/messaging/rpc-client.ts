import { Inject, Injectable } from '@nestjs/common';
import { errors, headers as natsHeaders, NatsConnection } from '@nats-io/transport-node';
import { randomUUID } from 'node:crypto';
import { CORRELATION_ID_HEADER, DomainException, ErrorCode, ErrorPayload, isErrorCode, RpcContract } from '@coop/contracts';
import { BaseConfig } from '../config/base-config.js';
import { currentCorrelationId } from '../logging/correlation.js';
import { NatsConnectionProvider } from './nats-connection.js';
import { namespacedSubject } from './subject-namespace.js';

export interface RpcCallOptions {
  timeoutMs?: number;
}

/** Nest's NATS reply packet. */
interface ReplyPacket<T> {
  response?: T;
  err?: unknown;
}

/**
 * The only way to call another service: typed by a contract, always bounded by a timeout, with
 * the correlation id in the headers. Failures come back as DomainExceptions: the remote one as
 * it was thrown, a missing service as `service_unavailable`, a silent one as `upstream_timeout`.
 */
@Injectable()
export class RpcClient {
  constructor(
    private readonly connection: NatsConnectionProvider,
    @Inject(BaseConfig) private readonly config: BaseConfig,
  ) {}

  async send<Request, Response>(
    contract: RpcContract<Request, Response>,
    payload: Request,
    options: RpcCallOptions = {},
  ): Promise<Response> {
    const timeout = options.timeoutMs ?? this.config.RPC_TIMEOUT_MS;
    const nc = await this.connect();
    const headers = natsHeaders();
    headers.set(CORRELATION_ID_HEADER, currentCorrelationId() ?? randomUUID());
    const packet = JSON.stringify({ pattern: contract.subject, data: payload ?? {}, id: randomUUID() });
    try {
      const reply = await nc.request(namespacedSubject(this.config.NATS_NAMESPACE, contract.subject), packet, { timeout, headers });
      return unwrap<Response>(reply.json<ReplyPacket<Response>>(), contract.subject);
    } catch (error) {
      throw translateTransportError(error, contract.subject, timeout);
    }
  }

  private async connect(): Promise<NatsConnection> {
    try {
      return await this.connection.get();
    } catch {
      throw new DomainException(ErrorCode.ServiceUnavailable, 'The message bus is unavailable');
    }
  }
}

function unwrap<Response>(reply: ReplyPacket<Response>, subject: string): Response {
  if (reply.err === undefined || reply.err === null) {
    return reply.response as Response;
  }
  const err = reply.err as Partial<ErrorPayload>;
  if (isErrorCode(err.code)) {
    throw new DomainException(err.code, err.message ?? err.code, err.errors);
  }
  throw new DomainException(ErrorCode.Internal, `The service behind ${subject} failed`);
}

function translateTransportError(error: unknown, subject: string, timeoutMs: number): unknown {
  if (error instanceof DomainException) return error;
  const service = subject.split('.')[0];
  if (error instanceof errors.RequestError && error.isNoResponders()) {
    return new DomainException(ErrorCode.ServiceUnavailable, `The ${service} service is unavailable`);
  }
  if (error instanceof errors.NoRespondersError) {
    return new DomainException(ErrorCode.ServiceUnavailable, `The ${service} service is unavailable`);
  }
  if (error instanceof errors.TimeoutError || (error instanceof errors.RequestError && error.cause instanceof errors.TimeoutError)) {
    return new DomainException(ErrorCode.UpstreamTimeout, `The ${service} service did not answer within ${timeoutMs} ms`);
  }
  return new DomainException(ErrorCode.ServiceUnavailable, `The ${service} service could not be reached`);
}
