// How long credentials live. Timestamps are UTC ISO 8601 strings, which compare correctly as text.
export const INVITATION_DAYS = 7;
export const API_TOKEN_DAYS_DEFAULT = 90;
export const API_TOKEN_DAYS_MAX = 365;

const HOUR_MS = 3_600_000;

export function hoursFrom(now: Date, hours: number): string {
  return new Date(now.getTime() + hours * HOUR_MS).toISOString();
}

export function daysFrom(now: Date, days: number): string {
  return hoursFrom(now, days * 24);
}

export interface Revocable {
  expiresAt: string;
  revokedAt: string | null;
}

/** Usable right now: not revoked and not yet expired (expiry is exclusive). */
export function isLive(c: Revocable, now: Date): boolean {
  return c.revokedAt === null && now.toISOString() < c.expiresAt;
}
