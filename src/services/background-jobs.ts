// The in-process jobs of `serve`: the referral expiry job and the webhook delivery worker, each
// on its own timer. A run never overlaps the previous one (the next is scheduled when it ends),
// and stop() waits for a run in flight. Several processes may run them: the expiry job takes an
// advisory lock on PostgreSQL and the worker claims rows with SKIP LOCKED.
import type { ServiceDeps } from './deps.ts';
import { expireReferrals } from './referral-expiry.service.ts';
import { deliverDueWebhooks } from './webhook-delivery.service.ts';

export interface JobsOptions {
  /** 0 turns the job off. */
  expiryIntervalMs: number;
  /** 0 turns the worker off. */
  webhookIntervalMs: number;
  webhookTimeoutMs: number;
  /** CIRCLES_WEBHOOK_ALLOW_PRIVATE, always said: false keeps private destinations refused. */
  webhookAllowPrivate: boolean;
  onError: (job: JobName, err: unknown) => void;
  /** Told after each run (logging, tests). */
  onRun?: ((job: JobName, result: unknown) => void) | undefined;
}

export type JobName = 'referral-expiry' | 'webhook-delivery';

export interface BackgroundJobs {
  stop(): Promise<void>;
}

const WEBHOOK_BATCH = 50;
/** Rounds a worker run may take back to back while the queue stays full. */
const MAX_DRAIN_ROUNDS = 20;

export function startBackgroundJobs(deps: ServiceDeps, opts: JobsOptions): BackgroundJobs {
  const loops: Loop[] = [];
  if (opts.expiryIntervalMs > 0) {
    loops.push(loop('referral-expiry', opts.expiryIntervalMs, () => expireReferrals(deps), opts));
  }
  if (opts.webhookIntervalMs > 0) {
    const deliver = async () => {
      const total = { attempted: 0, delivered: 0, retrying: 0, failed: 0 };
      for (let round = 0; round < MAX_DRAIN_ROUNDS; round += 1) {
        const run = await deliverDueWebhooks(deps, {
          timeoutMs: opts.webhookTimeoutMs,
          allowPrivateNetworks: opts.webhookAllowPrivate,
          batchSize: WEBHOOK_BATCH,
        });
        total.attempted += run.attempted;
        total.delivered += run.delivered;
        total.retrying += run.retrying;
        total.failed += run.failed;
        if (run.attempted < WEBHOOK_BATCH) break;
      }
      return total;
    };
    loops.push(loop('webhook-delivery', opts.webhookIntervalMs, deliver, opts));
  }
  return {
    stop: async () => {
      await Promise.all(loops.map((l) => l.stop()));
    },
  };
}

interface Loop {
  stop(): Promise<void>;
}

function loop(
  name: JobName,
  intervalMs: number,
  run: () => Promise<unknown>,
  opts: Pick<JobsOptions, 'onError' | 'onRun'>,
): Loop {
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<void> | null = null;
  let stopped = false;
  const schedule = (ms: number) => {
    timer = setTimeout(tick, ms);
    timer.unref(); // never keeps the process alive on its own
  };
  const tick = () => {
    current = run()
      .then((result) => opts.onRun?.(name, result))
      .catch((err: unknown) => opts.onError(name, err))
      .finally(() => {
        current = null;
        if (!stopped) schedule(intervalMs);
      });
  };
  schedule(0); // a first run at start: catch up on what came due while the server was down
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await current;
    },
  };
}
