// A webhook endpoint URL: absolute http(s), no credentials in it (they would be stored and shown).
import type { FieldIssue } from '../shared/errors.ts';

export const MAX_WEBHOOK_URL_LENGTH = 2048;

export function checkWebhookUrl(raw: string, path = 'url'): FieldIssue[] {
  if (raw.length > MAX_WEBHOOK_URL_LENGTH) {
    return [{ path, message: `At most ${MAX_WEBHOOK_URL_LENGTH} characters` }];
  }
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return [{ path, message: 'Must be an absolute URL (https://…)' }];
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') {
    return [{ path, message: 'Must be an http or https URL' }];
  }
  if (u.username !== '' || u.password !== '') {
    return [{ path, message: 'Must not contain a user name or password' }];
  }
  return [];
}
