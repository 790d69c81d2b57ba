import type { Schemas } from '../api/client';

export type Role = Schemas['CallerView']['role'];

/** Who is signed in, in this tab only (sessionStorage: gone when the tab closes, never in a URL). */
export interface Session {
  apiKey: string;
  role: Role;
  credentialId: string;
  memberId: string | null;
  memberName: string | null;
}

const STORAGE_KEY = 'coop.console.session';

export function readSession(storage: Storage = window.sessionStorage): Session | undefined {
  try {
    const value = JSON.parse(storage.getItem(STORAGE_KEY) ?? 'null') as Session | null;
    return value && typeof value.apiKey === 'string' && typeof value.role === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}

export function saveSession(session: Session, storage: Storage = window.sessionStorage): void {
  storage.setItem(STORAGE_KEY, JSON.stringify(session));
}

export function clearSession(storage: Storage = window.sessionStorage): void {
  storage.removeItem(STORAGE_KEY);
}

/** The console is for coordinators and partners; an admin key is for the API. */
export function mayUseConsole(role: Role): boolean {
  return role === 'coordinator' || role === 'partner';
}

export function homePath(role: Role): string {
  return role === 'partner' ? '/requests' : '/queue';
}
