// Bearer secrets (sessions, API tokens, invitations): a kind prefix so a leaked value is
// recognisable (and scannable), and only a SHA-256 of the whole value is ever stored.
import { createHash } from 'node:crypto';

export const SECRET_PREFIXES = { session: 'cis_', apiToken: 'cit_', invitation: 'cii_' } as const;

export type SecretKind = keyof typeof SECRET_PREFIXES;

/** Characters of a token kept in clear for listings: the prefix plus a few random ones. */
export const TOKEN_DISPLAY_PREFIX_LENGTH = 10;

/** `randomPart` is base64url of 32 random bytes, supplied by the caller (domain has no randomness). */
export function formatSecret(kind: SecretKind, randomPart: string): string {
  return `${SECRET_PREFIXES[kind]}${randomPart}`;
}

export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export function secretKindOf(secret: string): SecretKind | null {
  for (const [kind, prefix] of Object.entries(SECRET_PREFIXES)) {
    if (secret.startsWith(prefix)) return kind as SecretKind;
  }
  return null;
}
