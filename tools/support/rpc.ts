// Calls the services from a script, the way the gateway does: through NATS request-reply, with the
// environment's NATS_URL and NATS_NAMESPACE (defaults: nats://127.0.0.1:4222 and "coop", as `npm start`).
import { BaseConfig, loadConfig, NatsConnectionProvider, RpcClient } from '@coop/platform';

export async function withRpc<T>(env: NodeJS.ProcessEnv, work: (rpc: RpcClient) => Promise<T>): Promise<T> {
  const config = loadConfig(BaseConfig, env);
  const connection = new NatsConnectionProvider(config);
  try {
    return await work(new RpcClient(connection, config));
  } finally {
    await connection.onApplicationShutdown();
  }
}
