import { isPublicAddress, nonPublicHostReason, ResolveAll } from './public-address.js';

describe(isPublicAddress.name, () => {
  it.each(['127.0.0.1', '10.1.2.3', '172.16.0.1', '192.168.1.10', '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.1', '::1', '::', 'fe80::1', 'fd12::1', '::ffff:127.0.0.1'])(
    'refuses %s',
    (address) => expect(isPublicAddress(address)).toBe(false),
  );

  it.each(['8.8.8.8', '142.250.72.14', '2001:4860:4860::8888'])('accepts %s', (address) => expect(isPublicAddress(address)).toBe(true));
});

describe(nonPublicHostReason.name, () => {
  const resolvingTo =
    (...addresses: string[]): ResolveAll =>
    async () =>
      addresses.map((address) => ({ address, family: address.includes(':') ? 6 : 4 }));

  it('accepts a host whose every address is public', async () => {
    expect(await nonPublicHostReason('hooks.partner.example', resolvingTo('203.0.114.7', '2001:4860:4860::8888'))).toBeNull();
  });

  it('refuses a host with one private address among public ones', async () => {
    expect(await nonPublicHostReason('hooks.partner.example', resolvingTo('8.8.8.8', '10.0.0.5'))).toContain('10.0.0.5');
  });

  it('judges address literals, bracketed IPv6 included, without resolving', async () => {
    const looked: string[] = [];
    const resolve: ResolveAll = async (hostname) => {
      looked.push(hostname);
      return [];
    };

    expect(await nonPublicHostReason('169.254.169.254', resolve)).toContain('169.254.169.254');
    expect(await nonPublicHostReason('[::1]', resolve)).toContain('::1');
    expect(looked).toEqual([]);
  });

  it('refuses a host that does not resolve', async () => {
    const failing: ResolveAll = async () => {
      throw new Error('ENOTFOUND');
    };

    expect(await nonPublicHostReason('nowhere.invalid', failing)).toContain('does not resolve');
  });
});
