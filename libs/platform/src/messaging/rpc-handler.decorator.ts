import { applyDecorators } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { RpcContract } from '@coop/contracts';

/** Binds a handler to a contract's subject; the payload class is validated by the global pipe. */
export function RpcHandler(contract: RpcContract<unknown, unknown>): MethodDecorator {
  return applyDecorators(MessagePattern(contract.subject));
}
