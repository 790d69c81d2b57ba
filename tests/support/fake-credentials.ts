import { ApiKeyGuard } from '../../apps/gateway/src/auth/api-key.guard.js';
import type { Principal } from '../../apps/gateway/src/auth/roles.js';

type Authenticate = (header: string | undefined) => Principal;

/**
 * FAKE partner and coordinator keys. On this branch the gateway knows only the bootstrap admin
 * key (issued credentials come with the credentials work), so tests that need a partner or a
 * coordinator teach the in-process gateway's guard a few extra keys. Everything else, including
 * the role check and every route's scoping, is the real code. Returns the undo.
 */
export function fakeCredentials(keys: Record<string, Principal>): () => void {
  const prototype = ApiKeyGuard.prototype as unknown as { authenticate: Authenticate };
  const real = prototype.authenticate;
  prototype.authenticate = function (this: ApiKeyGuard, header: string | undefined): Principal {
    const key = /^Bearer (\S+)$/i.exec(header ?? '')?.[1];
    return key && keys[key] ? keys[key] : real.call(this, header);
  };
  return () => {
    prototype.authenticate = real;
  };
}
