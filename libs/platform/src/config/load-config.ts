import { plainToInstance } from 'class-transformer';
import { ValidationError, validateSync } from 'class-validator';

export class ConfigValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = ConfigValidationError.name;
  }
}

/**
 * Reads the environment into a validated config object; fails naming every bad or missing
 * variable so a misconfigured app stops at boot rather than at the first request.
 */
export function loadConfig<T extends object>(
  configClass: new () => T,
  env: NodeJS.ProcessEnv = process.env,
): T {
  const config = plainToInstance(configClass, { ...env }, { enableImplicitConversion: true, exposeDefaultValues: true });
  const errors = validateSync(config, { whitelist: false, forbidUnknownValues: false });
  if (errors.length > 0) {
    throw new ConfigValidationError(errors.map(describe));
  }
  return config;
}

function describe(error: ValidationError): string {
  const given = error.value === undefined ? 'missing' : `got "${String(error.value)}"`;
  const reasons = Object.values(error.constraints ?? {}).join('; ');
  return `${error.property}: ${reasons} (${given})`;
}
