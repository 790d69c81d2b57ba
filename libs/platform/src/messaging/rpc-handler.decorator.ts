import { applyDecorators } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { RpcContract } from '@coop/contracts';

/**
 * Binds a handler to a contract's subject. The global pipe validates the payload against the type
 * of the handler's parameter, so that type must be the contract's request class: checked here, when
 * the class is defined, since a mismatch (an interface, a type alias) would silently skip validation.
 * A handler without parameters reads nothing of the payload and is left alone.
 */
export function RpcHandler(contract: RpcContract<unknown, unknown>): MethodDecorator {
  const assertPayloadType: MethodDecorator = (target, method) => {
    const parameterTypes = (Reflect.getMetadata('design:paramtypes', target, method) ?? []) as unknown[];
    if (parameterTypes.length > 0 && !parameterTypes.includes(contract.request)) {
      const handler = `${target.constructor.name}.${String(method)}`;
      throw new Error(`${handler} handles ${contract.subject}: its payload parameter must be typed ${contract.request.name}, or the payload is not validated`);
    }
  };
  return applyDecorators(MessagePattern(contract.subject), assertPayloadType);
}
