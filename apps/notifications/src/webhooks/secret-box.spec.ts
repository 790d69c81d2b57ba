import { SecretBox } from './secret-box.js';

describe(SecretBox.name, () => {
  const sut = new SecretBox('11'.repeat(32));
  const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';

  it('opens what it sealed, and never stores the secret in clear', () => {
    const sealed = sut.seal(secret, 'endpoint-1');

    expect(sealed).not.toContain(secret);
    expect(sealed).not.toBe(sut.seal(secret, 'endpoint-1'));
    expect(sut.open(sealed, 'endpoint-1')).toBe(secret);
  });

  it('refuses a secret moved to another endpoint, altered, or sealed under another key', () => {
    const sealed = sut.seal(secret, 'endpoint-1');
    const [version, iv, tag, ciphertext] = sealed.split('.');
    const flipped = Buffer.from(ciphertext, 'base64url');
    flipped[0] ^= 1;
    const altered = [version, iv, tag, flipped.toString('base64url')].join('.');

    expect(() => sut.open(sealed, 'endpoint-2')).toThrow();
    expect(() => sut.open(altered, 'endpoint-1')).toThrow();
    expect(() => new SecretBox('22'.repeat(32)).open(sealed, 'endpoint-1')).toThrow();
  });

  it('refuses a key that is not 32 bytes', () => {
    expect(() => new SecretBox(Buffer.alloc(16).toString('base64'))).toThrow('32 bytes');
  });
});
