import { IsInt, Min } from 'class-validator';
import { ServiceConfig } from './base-config.js';
import { ConfigValidationError, loadConfig } from './load-config.js';

class SampleConfig extends ServiceConfig {
  @IsInt()
  @Min(1)
  WORKERS: number = 2;
}

describe(loadConfig.name, () => {
  const valid = { DATABASE_URL: 'postgres://postgres@localhost:5432/coop' };

  it('applies defaults and converts numbers from the environment', () => {
    const sut = loadConfig(SampleConfig, { ...valid, WORKERS: '8' });

    expect(sut.WORKERS).toBe(8);
    expect(sut.RPC_TIMEOUT_MS).toBe(5000);
    expect(sut.NATS_NAMESPACE).toBe('coop');
  });

  it('names every bad or missing variable', () => {
    const error = (() => {
      try {
        loadConfig(SampleConfig, { WORKERS: 'many', NATS_URL: 'http://nope' });
      } catch (e) {
        return e;
      }
    })() as ConfigValidationError;

    expect(error).toBeInstanceOf(ConfigValidationError);
    expect(error.problems.map((p) => p.split(':')[0]).sort()).toEqual(['DATABASE_URL', 'NATS_URL', 'WORKERS']);
    expect(error.message).toContain('DATABASE_URL');
  });
});
