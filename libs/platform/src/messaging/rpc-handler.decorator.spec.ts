import { IsString } from 'class-validator';
import { defineRpc } from '@coop/contracts';
import { RpcHandler } from './rpc-handler.decorator.js';

class GreetRequest {
  @IsString() name: string;
}
class Greeting {
  text: string;
}
class SomethingElse {
  @IsString() other: string;
}
const greet = defineRpc('tests.greeting.greet.v1', GreetRequest, Greeting);

describe(RpcHandler.name, () => {
  it('accepts a handler whose payload parameter is the contract’s request class, or that takes none', () => {
    expect(() => {
      class Handlers {
        @RpcHandler(greet)
        greet(request: GreetRequest): Greeting {
          return { text: `Bonjour ${request.name}` };
        }

        @RpcHandler(greet)
        ping(): Greeting {
          return { text: 'pong' };
        }
      }
      return Handlers;
    }).not.toThrow();
  });

  it('refuses, when the class is defined, a handler whose payload would not be validated', () => {
    expect(() => {
      class Handlers {
        @RpcHandler(greet)
        greet(request: SomethingElse): Greeting {
          return { text: request.other };
        }
      }
      return Handlers;
    }).toThrow('Handlers.greet handles tests.greeting.greet.v1: its payload parameter must be typed GreetRequest');
  });
});
