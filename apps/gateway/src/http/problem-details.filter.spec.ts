import { jest } from '@jest/globals';
import { ArgumentsHost, NotFoundException } from '@nestjs/common';
import { DomainException, ErrorCode } from '@coop/contracts';
import { ProblemDetailsFilter } from './problem-details.filter.js';

function hostFor(reply: ReturnType<typeof replyMock>, headers: Record<string, string> = {}): ArgumentsHost {
  const request = { url: '/v1/things', correlationId: 'corr-1', headers };
  return { switchToHttp: () => ({ getRequest: () => request, getResponse: () => reply }) } as unknown as ArgumentsHost;
}

function replyMock() {
  const reply = { status: jest.fn<(code: number) => unknown>(), header: jest.fn<(name: string, value: string) => unknown>(), send: jest.fn<(body: Record<string, unknown>) => unknown>() };
  reply.status.mockReturnValue(reply);
  reply.header.mockReturnValue(reply);
  return reply;
}

describe(ProblemDetailsFilter.name, () => {
  const sut = new ProblemDetailsFilter();

  it('answers a domain error with its status, code and fields as problem+json', () => {
    const reply = replyMock();

    sut.catch(DomainException.validation([{ field: 'email', message: 'email must be an email' }]), hostFor(reply));

    expect(reply.status).toHaveBeenCalledWith(400);
    expect(reply.header).toHaveBeenCalledWith('content-type', 'application/problem+json');
    expect(reply.send.mock.calls[0][0]).toMatchObject({
      status: 400,
      code: 'validation_failed',
      errors: [{ field: 'email', message: 'email must be an email' }],
      instance: '/v1/things',
      correlationId: 'corr-1',
    });
  });

  it('maps Nest HTTP exceptions to the matching code', () => {
    const reply = replyMock();

    sut.catch(new NotFoundException('Cannot GET /nope'), hostFor(reply));

    expect(reply.send.mock.calls[0][0]).toMatchObject({ status: 404, code: ErrorCode.NotFound });
  });

  it("says it in the caller's language", () => {
    const reply = replyMock();

    sut.catch(DomainException.validation([{ field: 'email', message: 'email must be an email', constraint: 'isEmail' }]), hostFor(reply, { 'accept-language': 'fr' }));

    expect(reply.header).toHaveBeenCalledWith('content-language', 'fr');
    expect(reply.send.mock.calls[0][0]).toMatchObject({
      title: 'Requête invalide',
      detail: 'Données invalides : email',
      errors: [{ field: 'email', message: 'email doit être une adresse courriel' }],
    });
  });

  it('never leaks an unexpected error', () => {
    const reply = replyMock();
    jest.spyOn(console, 'error').mockImplementation(() => undefined);

    sut.catch(new Error('secret stack detail'), hostFor(reply));

    const problem = reply.send.mock.calls[0][0];
    expect(problem.status).toBe(500);
    expect(JSON.stringify(problem)).not.toContain('secret stack detail');
  });
});
