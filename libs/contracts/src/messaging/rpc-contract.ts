// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ClassOf<T> = new (...args: any[]) => T;

/**
 * A request-reply message between services: its versioned subject and the classes of both ends.
 * Published subjects are never edited; a breaking change gets a new `.vN` subject.
 */
export interface RpcContract<Request, Response> {
  readonly subject: string;
  readonly request: ClassOf<Request>;
  readonly response: ClassOf<Response>;
}

export function defineRpc<Request, Response>(
  subject: string,
  request: ClassOf<Request>,
  response: ClassOf<Response>,
): RpcContract<Request, Response> {
  assertVersioned(subject);
  return { subject, request, response };
}

export function assertVersioned(subject: string): void {
  if (!/\.v\d+$/.test(subject)) {
    throw new Error(`Subject "${subject}" must end with a version such as .v1`);
  }
}
