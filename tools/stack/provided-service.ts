// What each ensure*() returns: where the service is and whether we own its lifetime.

export type Log = (line: string) => void;

/** environment: named by an env variable; reused: found running locally; started: ours. */
export type ServiceOrigin = 'environment' | 'reused' | 'started';

export interface ProvidedService {
  url: string;
  origin: ServiceOrigin;
  /** Stops the service when we started it; a no-op otherwise (we never stop what we did not start). */
  stop(): Promise<void>;
}

export function externalService(url: string, origin: Exclude<ServiceOrigin, 'started'>): ProvidedService {
  return { url, origin, stop: async () => undefined };
}

/** "postgres://user:secret@host/db" -> "postgres://user:***@host/db", for messages. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url;
  }
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
