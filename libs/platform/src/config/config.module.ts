import { DynamicModule, Module, Provider } from '@nestjs/common';
import { loadConfig } from './load-config.js';

/**
 * Validates the environment once and provides the result under its own class and every base
 * class, so shared code can inject `ServiceConfig` while the app injects `MembersConfig`.
 */
@Module({})
export class ConfigModule {
  static forRoot<T extends object>(configClass: new () => T, env: NodeJS.ProcessEnv = process.env): DynamicModule {
    const config = loadConfig(configClass, env);
    const providers: Provider[] = classChain(configClass).map((token) => ({ provide: token, useValue: config }));
    return { module: ConfigModule, global: true, providers, exports: providers.map((p) => (p as { provide: unknown }).provide as never) };
  }
}

function classChain(start: new () => object): Array<new () => object> {
  const chain: Array<new () => object> = [];
  for (let c: unknown = start; typeof c === 'function' && c !== Function.prototype; c = Object.getPrototypeOf(c)) {
    if (c === Object) break;
    chain.push(c as new () => object);
  }
  return chain;
}
