import { randomBytes } from 'node:crypto';

export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin)
    chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

/** 20 base64url characters: about 120 bits, well over the 10-character minimum. */
export function generatedPassword(): string {
  return randomBytes(15).toString('base64url');
}
