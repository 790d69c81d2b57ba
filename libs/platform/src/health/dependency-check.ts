import { DataSource } from 'typeorm';

/** One thing a service needs to work (its database, its search engine), checked for readiness. */
export interface DependencyCheck {
  name: string;
  isUp(): Promise<boolean>;
}

export const DEPENDENCY_CHECKS = Symbol('DEPENDENCY_CHECKS');

const CHECK_TIMEOUT_MS = 1500;

export function postgresCheck(dataSource: DataSource): DependencyCheck {
  return { name: 'postgres', isUp: () => withTimeout(dataSource.query('SELECT 1').then(() => true)) };
}

export function meilisearchCheck(url: string): DependencyCheck {
  return {
    name: 'meilisearch',
    isUp: () =>
      withTimeout(
        fetch(new URL('/health', url), { signal: AbortSignal.timeout(CHECK_TIMEOUT_MS) }).then(async (response) => {
          const body = (await response.json()) as { status?: string };
          return response.ok && body.status === 'available';
        }),
      ),
  };
}

async function withTimeout(check: Promise<boolean>): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), CHECK_TIMEOUT_MS)));
  try {
    return await Promise.race([check.catch(() => false), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
