import { ErrorCode, httpStatusOf } from './error-code.js';

describe(httpStatusOf.name, () => {
  it('maps every code to a 4xx or 5xx status', () => {
    for (const code of Object.values(ErrorCode)) {
      expect(httpStatusOf(code)).toBeGreaterThanOrEqual(400);
      expect(httpStatusOf(code)).toBeLessThan(600);
    }
  });

  it('keeps the statuses partner systems rely on', () => {
    expect(httpStatusOf(ErrorCode.ValidationFailed)).toBe(400);
    expect(httpStatusOf(ErrorCode.NotFound)).toBe(404);
    expect(httpStatusOf(ErrorCode.IdempotencyKeyReused)).toBe(422);
    expect(httpStatusOf(ErrorCode.ServiceUnavailable)).toBe(503);
    expect(httpStatusOf(ErrorCode.UpstreamTimeout)).toBe(504);
  });
});
