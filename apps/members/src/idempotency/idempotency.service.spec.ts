import { jest } from '@jest/globals';
import { DomainException, ErrorCode, type IdempotencyKeyRef } from '@coop/contracts';
import { mockManager, mockOf } from '@coop/platform/testing';
import type { IdempotencyRecordEntity } from './idempotency-record.entity.js';
import { IdempotencyRepository } from './idempotency.repository.js';
import { IDEMPOTENCY_TTL_MS, IdempotencyService } from './idempotency.service.js';

const KEY: IdempotencyKeyRef = { scope: 'credential-1', key: 'order-42' };
const REQUEST = { title: 'Congrès', estimatedHours: 30 };
const FIRST_ANSWER = { id: 'request-1', status: 'submitted' };

/** The service over a repository holding `stored` for KEY (or nothing), whose lock `locked` answers. */
function setUp({ stored, locked = true }: { stored?: Pick<IdempotencyRecordEntity, 'requestHash' | 'response'>; locked?: boolean } = {}) {
  const records = mockOf<IdempotencyRepository>({
    tryLock: async () => locked,
    findLive: async () => (stored ? ({ ...KEY, ...stored, createdAt: new Date(), expiresAt: new Date() } satisfies IdempotencyRecordEntity) : null),
    save: async () => undefined,
    deleteExpired: async () => 3,
  });
  const work = jest.fn(async () => FIRST_ANSWER);
  return { sut: new IdempotencyService(records), records, work, manager: mockManager() };
}

/** What the service stores for REQUEST: the hash a replay of it is recognised by. */
async function hashOf(request: object): Promise<string> {
  const { sut, records, work, manager } = setUp();
  await sut.run(manager, KEY, request, work);
  return records.save.mock.calls[0][1].requestHash;
}

describe(IdempotencyService.name, () => {
  it('runs the work and remembers nothing without a key', async () => {
    const { sut, records, work, manager } = setUp();

    expect(await sut.run(manager, undefined, REQUEST, work)).toEqual({ response: FIRST_ANSWER, replayed: false });
    expect(work).toHaveBeenCalledTimes(1);
    expect(records.tryLock).not.toHaveBeenCalled();
    expect(records.save).not.toHaveBeenCalled();
  });

  it('runs the work the first time and remembers its answer for a day, in the same transaction', async () => {
    const { sut, records, work, manager } = setUp();
    const before = Date.now();

    expect(await sut.run(manager, KEY, REQUEST, work)).toEqual({ response: FIRST_ANSWER, replayed: false });

    const [savedIn, record] = records.save.mock.calls[0];
    expect(savedIn).toBe(manager);
    expect(record).toEqual(expect.objectContaining({ ...KEY, response: FIRST_ANSWER, requestHash: expect.stringMatching(/^[0-9a-f]{64}$/) }));
    expect(record.expiresAt.getTime()).toBeGreaterThanOrEqual(before + IDEMPOTENCY_TTL_MS);
  });

  it('answers the stored answer again for the same request, without running the work', async () => {
    const { sut, work, records, manager } = setUp({ stored: { requestHash: await hashOf(REQUEST), response: FIRST_ANSWER } });

    expect(await sut.run(manager, KEY, REQUEST, work)).toEqual({ response: FIRST_ANSWER, replayed: true });
    expect(work).not.toHaveBeenCalled();
    expect(records.save).not.toHaveBeenCalled();
  });

  it('knows the same request with its fields in another order', async () => {
    const { sut, work, manager } = setUp({ stored: { requestHash: await hashOf(REQUEST), response: FIRST_ANSWER } });

    expect(await sut.run(manager, KEY, { estimatedHours: 30, title: 'Congrès' }, work)).toEqual({ response: FIRST_ANSWER, replayed: true });
  });

  it('refuses the key with another request', async () => {
    const { sut, work, manager } = setUp({ stored: { requestHash: await hashOf(REQUEST), response: FIRST_ANSWER } });

    await expect(sut.run(manager, KEY, { ...REQUEST, estimatedHours: 31 }, work)).rejects.toMatchObject({ code: ErrorCode.IdempotencyKeyReused });
    expect(work).not.toHaveBeenCalled();
  });

  it('refuses while the first request with the key is still running', async () => {
    const { sut, work, records, manager } = setUp({ locked: false });

    const refusal = sut.run(manager, KEY, REQUEST, work);

    await expect(refusal).rejects.toBeInstanceOf(DomainException);
    await expect(refusal).rejects.toMatchObject({ code: ErrorCode.IdempotencyRequestInFlight });
    expect(records.findLive).not.toHaveBeenCalled();
    expect(work).not.toHaveBeenCalled();
  });

  it('stores nothing when the work fails, so the request can be corrected and sent again', async () => {
    const { sut, records, manager } = setUp();

    await expect(sut.run(manager, KEY, REQUEST, async () => Promise.reject(DomainException.validation([])))).rejects.toBeInstanceOf(DomainException);
    expect(records.save).not.toHaveBeenCalled();
  });

  it('counts the expired keys it forgets, and carries on when it cannot', async () => {
    const { sut, records } = setUp();
    expect(await sut.sweep()).toBe(3);

    records.deleteExpired.mockRejectedValueOnce(new Error('Postgres is restarting'));
    expect(await sut.sweep()).toBe(0);
  });
});
