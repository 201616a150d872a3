// `circles match --need "service=ManagedServices,country=SE" ... [--team] [--json]`: the same
// matching services as the API, with the need checked by the same contract and rules.
import type { Command } from 'commander';
import type { z } from 'zod';
import { MatchRequestSchema, TeamRequestSchema } from '../../contract/matching.contract.ts';
import { AppError } from '../../domain/shared/errors.ts';
import {
  formPartnerTeam,
  matchPartners,
  type MatchOutcome,
  type TeamOutcome,
} from '../../services/matching.service.ts';
import { getOrg } from '../../services/orgs.service.ts';
import { usageErrorsExit2, wholeNumber, withServices } from './command-support.ts';
import { printMatches, printTeam } from './match-output.ts';

interface MatchCliOptions {
  need: string[];
  team?: boolean;
  json?: boolean;
  limit?: number;
  asOrg?: string;
  industry?: string;
  language?: string;
  customerSize?: string;
  minCapacity?: number;
  designation?: string[];
  excludeCompetitors?: boolean;
  maxShare?: string;
  maxMembers?: number;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

export const registerMatch = (program: Command): void => {
  usageErrorsExit2(program.command('match'))
    .description('Rank partners for a need (or propose a team with --team)')
    .requiredOption(
      '--need <cell>',
      'a cell: "service=ManagedServices,country=SE" (or product= / solutionArea= / specialization=; weight=2); repeat for more',
      collect,
    )
    .option('--team', 'propose a team with backups instead of a ranking')
    .option('--json', 'print the result as JSON')
    .option('--limit <n>', 'results to show (1-100)', wholeNumber(1, 100))
    .option('--as-org <id>', 'match as this organization (complementarity, partnerships)')
    .option('--industry <code>', 'industry the customer is in')
    .option('--language <code>', 'language the work is done in')
    .option('--customer-size <code>', 'customer size')
    .option('--min-capacity <n>', 'consultants needed', wholeNumber(0, 100_000))
    .option('--designation <code>', 'a designation every partner must hold; repeat', collect)
    .option('--exclude-competitors', 'drop partners whose offering duplicates yours')
    .option('--max-share <x>', 'team: largest share of the need one member may take (0-1]')
    .option('--max-members <n>', 'team: most members', wholeNumber(1, 100))
    .action(async (opts: MatchCliOptions) => {
      const body = requestOf(opts);
      await withServices({}, async ({ deps }) => {
        const requester = opts.asOrg === undefined ? null : { orgId: opts.asOrg };
        // An unknown --as-org is a typo, not "match as nobody": getOrg says so.
        if (opts.asOrg !== undefined) await getOrg(deps, opts.asOrg);
        if (opts.team === true) {
          const team = await formPartnerTeam(
            deps,
            requester,
            parse(TeamRequestSchema, teamBody(body, opts)),
          );
          output(opts, team, () => printTeam(team, body.needs));
        } else {
          const ranked = await matchPartners(deps, requester, parse(MatchRequestSchema, body));
          output(opts, ranked, () => printMatches(ranked, body.needs));
        }
      });
    });
};

function output(opts: MatchCliOptions, value: MatchOutcome | TeamOutcome, table: () => void) {
  if (opts.json === true) process.stdout.write(`${JSON.stringify(value, null, 2)}\n`);
  else table();
}

type RawRequest = { needs: Record<string, unknown>[] } & Record<string, unknown>;

function requestOf(opts: MatchCliOptions): RawRequest {
  return {
    needs: opts.need.map(parseCell),
    ...(opts.industry === undefined ? {} : { industry: opts.industry }),
    ...(opts.language === undefined ? {} : { language: opts.language }),
    ...(opts.customerSize === undefined ? {} : { customerSize: opts.customerSize }),
    ...(opts.minCapacity === undefined ? {} : { minCapacity: opts.minCapacity }),
    ...(opts.designation === undefined ? {} : { designations: opts.designation }),
    ...(opts.excludeCompetitors === true ? { excludeCompetitors: true } : {}),
    ...(opts.limit === undefined ? {} : { limit: opts.limit }),
  };
}

function teamBody(body: RawRequest, opts: MatchCliOptions): unknown {
  const { limit: _limit, ...rest } = body;
  const maxShare = opts.maxShare === undefined ? undefined : Number(opts.maxShare);
  return {
    ...rest,
    ...(maxShare === undefined ? {} : { maxShare }),
    ...(opts.maxMembers === undefined ? {} : { maxMembers: opts.maxMembers }),
  };
}

/** "service=ManagedServices,country=SE,weight=2" -> { service, country, weight }. */
function parseCell(text: string, i: number): Record<string, unknown> {
  const cell: Record<string, unknown> = {};
  for (const part of text.split(',')) {
    const at = part.indexOf('=');
    const key = part.slice(0, at).trim();
    const value = part.slice(at + 1).trim();
    if (at <= 0 || value === '') {
      throw new AppError('validation', 'Invalid need', [
        {
          path: `needs[${i}]`,
          message: `Expected key=value pairs separated by commas; got "${text}"`,
        },
      ]);
    }
    cell[key] = key === 'weight' ? Number(value) : value;
  }
  return cell;
}

function parse<S extends z.ZodType>(schema: S, body: unknown): z.output<S> {
  const r = schema.safeParse(body);
  if (r.success) return r.data;
  throw new AppError(
    'validation',
    'Invalid need',
    r.error.issues.map((issue) => ({ path: pathOf(issue.path), message: issue.message })),
  );
}

function pathOf(path: readonly PropertyKey[]): string {
  return path
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`))
    .join('');
}
