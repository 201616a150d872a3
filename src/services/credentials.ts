// Randomness and password hashing for identity: the I/O half of src/domain/identity/secrets.ts.
import { randomBytes } from 'node:crypto';
import { hash, verify, type Algorithm } from '@node-rs/argon2';
import { formatSecret, hashSecret, type SecretKind } from '../domain/identity/secrets.ts';

// The package ships Algorithm as an ambient const enum, which isolatedModules cannot read.
const ARGON2ID = 2 as Algorithm;

/** A fresh bearer secret of `kind` (32 random bytes) and the hash we store instead of it. */
export function newSecret(kind: SecretKind): { token: string; hash: string } {
  const token = formatSecret(kind, randomBytes(32).toString('base64url'));
  return { token, hash: hashSecret(token) };
}

export function newCsrfToken(): string {
  return randomBytes(32).toString('base64url');
}

/** argon2id with the library defaults (19 MiB, t=2, p=1): the OWASP baseline. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, { algorithm: ARGON2ID });
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false; // a malformed stored hash is a failed sign-in, not a 500
  }
}

let dummyHash: Promise<string> | null = null;

/** Spends the same work as a real check, so an unknown email answers as slowly as a wrong password. */
export async function verifyAgainstDummy(password: string): Promise<void> {
  dummyHash ??= hashPassword(randomBytes(16).toString('hex'));
  await verifyPassword(await dummyHash, password);
}
