// Environment parsed once with zod into a frozen Config; bad config stops start-up with one line.
import { resolve } from 'node:path';
import { z } from 'zod';

const boolish = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL (unset it to use SQLite)')
    .optional(),
  CIRCLES_DATA_DIR: z.string().min(1).default('./data'),
  CIRCLES_SQLITE_SYNCHRONOUS: z.enum(['full', 'normal']).default('full'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CIRCLES_DEMO_ORGS: z.coerce.number().int().min(0).max(500_000).default(2000),
  CIRCLES_DEMO_SEED: z.coerce.number().int().default(42),
  CIRCLES_SESSION_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(24 * 7),
  CIRCLES_SECURE_COOKIES: boolish.default(false),
  CIRCLES_LOGIN_RATE_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  CIRCLES_BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024),
  CIRCLES_TRUST_PROXY: boolish.default(false),
  // Background jobs of `serve` (0 turns one off); tests drive the jobs directly instead.
  CIRCLES_EXPIRY_INTERVAL_MS: z.coerce
    .number()
    .int()
    .min(0)
    .default(10 * 60_000),
  CIRCLES_WEBHOOK_INTERVAL_MS: z.coerce.number().int().min(0).default(5_000),
  CIRCLES_WEBHOOK_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(10_000),
  CIRCLES_WEBHOOK_ALLOW_PRIVATE: boolish.default(false),
});

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | null;
  dataDir: string;
  sqliteFile: string;
  /**
   * SQLite's commit durability: `full` syncs every commit to disk; `normal` (WAL) survives a process
   * crash but may lose the last commits on a power cut, for several times the write throughput.
   */
  sqliteSynchronous: 'full' | 'normal';
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  demoOrgs: number;
  demoSeed: number;
  sessionHours: number;
  secureCookies: boolean;
  loginRatePerMinute: number;
  bodyLimitBytes: number;
  trustProxy: boolean;
  /** How often `serve` expires unanswered referrals; 0 = never (run `circles referrals expire`). */
  expiryIntervalMs: number;
  /** How often `serve` sends due webhook deliveries; 0 = never. */
  webhookIntervalMs: number;
  webhookTimeoutMs: number;
  /** Let webhooks reach loopback, private, link-local… addresses (off: the SSRF guard is on). */
  webhookAllowPrivate: boolean;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Readonly<Config> {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const first = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigError(`Invalid configuration: ${first}`);
  }
  const e = parsed.data;
  const dataDir = resolve(e.CIRCLES_DATA_DIR);
  return Object.freeze({
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL ?? null,
    dataDir,
    sqliteFile: resolve(dataDir, 'circles.db'),
    sqliteSynchronous: e.CIRCLES_SQLITE_SYNCHRONOUS,
    logLevel: e.LOG_LEVEL,
    demoOrgs: e.CIRCLES_DEMO_ORGS,
    demoSeed: e.CIRCLES_DEMO_SEED,
    sessionHours: e.CIRCLES_SESSION_HOURS,
    secureCookies: e.CIRCLES_SECURE_COOKIES,
    loginRatePerMinute: e.CIRCLES_LOGIN_RATE_PER_MINUTE,
    bodyLimitBytes: e.CIRCLES_BODY_LIMIT_BYTES,
    trustProxy: e.CIRCLES_TRUST_PROXY,
    expiryIntervalMs: e.CIRCLES_EXPIRY_INTERVAL_MS,
    webhookIntervalMs: e.CIRCLES_WEBHOOK_INTERVAL_MS,
    webhookTimeoutMs: e.CIRCLES_WEBHOOK_TIMEOUT_MS,
    webhookAllowPrivate: e.CIRCLES_WEBHOOK_ALLOW_PRIVATE,
  });
}
