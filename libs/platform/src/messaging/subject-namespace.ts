/** Puts every subject of one environment under its own prefix (`coop.members.health.ping.v1`). */
export function namespacedSubject(namespace: string, subject: string): string {
  return `${namespace}.${subject}`;
}

/** JetStream stream names allow no dots; one stream per namespace holds every event. */
export function eventStreamName(namespace: string): string {
  return `${namespace.replace(/[^A-Za-z0-9_-]/g, '_').toUpperCase()}_EVENTS`;
}
