import { Global, Module } from '@nestjs/common';
import { NatsConnectionProvider } from './nats-connection.js';
import { RpcClient } from './rpc-client.js';

@Global()
@Module({
  providers: [NatsConnectionProvider, RpcClient],
  exports: [NatsConnectionProvider, RpcClient],
})
export class MessagingModule {}
