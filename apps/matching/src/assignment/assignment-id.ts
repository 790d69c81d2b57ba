import { createHash } from 'node:crypto';

/**
 * The id of the n-th automatic attempt to book `professionalId` for `requestId`, derived rather than
 * random: a redelivered `request.submitted` retries with the same id, and the professionals
 * service books an id once, so a retry cannot book twice. Shaped as a UUID v4 (version and variant
 * bits set) to pass every UUID check on the way.
 */
export function derivedAssignmentId(requestId: string, professionalId: string, round: number): string {
  const hex = createHash('sha256').update(`${requestId}:${professionalId}:${round}`).digest('hex');
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
