// A match or team request as the API states it -> the domain's need and options, with every
// rule checked and every issue reported at the path of the field the caller sent
// (`needs[2].service`, `designations[0]`, `maxShare`).
import type { MatchOptions } from '../domain/matching/match-context.ts';
import {
  CELL_KINDS,
  toNeed,
  type Need,
  type NeedCellInput,
  type NeedInput,
} from '../domain/matching/need.ts';
import { validateTeamOptions, type TeamOptionsInput } from '../domain/matching/team-options.ts';
import { validateNeed } from '../domain/matching/validate-need.ts';
import { validationError, type FieldIssue } from '../domain/shared/errors.ts';

/** One cell: exactly one of the capability keys, a country, a weight. */
export type RequestCell = { readonly [K in (typeof CELL_KINDS)[number]]?: string | undefined } & {
  readonly country: string;
  readonly weight?: number | undefined;
};

export interface MatchRequestInput {
  needs: readonly RequestCell[];
  industry?: string | undefined;
  language?: string | undefined;
  customerSize?: string | undefined;
  minCapacity?: number | undefined;
  designations?: readonly string[] | undefined;
  excludeCompetitors?: boolean | undefined;
  limit?: number | undefined;
}

export interface TeamRequestInput extends Omit<MatchRequestInput, 'limit'> {
  maxShare?: number | undefined;
  maxMembers?: number | undefined;
  backups?: boolean | undefined;
  backupsPerCell?: number | undefined;
}

export const MATCH_LIMIT_MAX = 100;
const DEFAULT_LIMIT = 20;

export function parseMatchRequest(body: MatchRequestInput): {
  need: Need;
  options: MatchOptions;
  limit: number;
} {
  const { input, issues } = needInputOf(body);
  const limit = body.limit ?? DEFAULT_LIMIT;
  if (!(Number.isInteger(limit) && limit >= 1 && limit <= MATCH_LIMIT_MAX)) {
    issues.push({ path: 'limit', message: `Must be a whole number from 1 to ${MATCH_LIMIT_MAX}` });
  }
  if (issues.length > 0) throw validationError(issues, 'Invalid need');
  return { need: toNeed(input), options: optionsOf(body), limit };
}

export function parseTeamRequest(body: TeamRequestInput): {
  need: Need;
  options: MatchOptions;
  team: TeamOptionsInput;
} {
  const { input, issues } = needInputOf(body);
  const team: TeamOptionsInput = {
    ...(body.maxShare === undefined ? {} : { maxShare: body.maxShare }),
    ...(body.maxMembers === undefined ? {} : { maxMembers: body.maxMembers }),
    ...(body.backups === undefined ? {} : { backups: body.backups }),
    ...(body.backupsPerCell === undefined ? {} : { backupsPerCell: body.backupsPerCell }),
  };
  issues.push(...validateTeamOptions(team));
  if (issues.length > 0) throw validationError(issues, 'Invalid team request');
  return { need: toNeed(input), options: optionsOf(body), team };
}

function optionsOf(body: MatchRequestInput | TeamRequestInput): MatchOptions {
  return { excludeCompetitors: body.excludeCompetitors ?? false };
}

function needInputOf(body: MatchRequestInput): { input: NeedInput; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const needs: NeedCellInput[] = [];
  const kindOf: string[] = [];
  (body.needs ?? []).forEach((cell, i) => {
    const named = CELL_KINDS.filter((k) => cell[k] !== undefined);
    if (named.length !== 1) {
      issues.push({
        path: `needs[${i}]`,
        message: `Name exactly one capability: ${CELL_KINDS.join(', ')}`,
      });
    }
    const kind = named[0] ?? 'service';
    kindOf.push(kind);
    needs.push({
      kind,
      code: cell[kind] ?? '',
      country: cell.country,
      ...(cell.weight === undefined ? {} : { weight: cell.weight }),
    });
  });
  const input: NeedInput = {
    needs,
    ...(body.industry === undefined ? {} : { industry: body.industry }),
    ...(body.language === undefined ? {} : { language: body.language }),
    ...(body.customerSize === undefined ? {} : { customerSize: body.customerSize }),
    ...(body.minCapacity === undefined ? {} : { minCapacity: body.minCapacity }),
    ...(body.designations === undefined ? {} : { requiredDesignations: body.designations }),
  };
  if (issues.length === 0) issues.push(...validateNeed(input).map((x) => renamed(x, kindOf)));
  return { input, issues };
}

/** Domain paths -> request paths: `needs[i].code` names the capability key, designations. */
function renamed(issue: FieldIssue, kindOf: readonly string[]): FieldIssue {
  const cell = /^needs\[(\d+)\]\.code$/.exec(issue.path);
  if (cell !== null) return { ...issue, path: `needs[${cell[1]}].${kindOf[Number(cell[1])]}` };
  if (issue.path.startsWith('requiredDesignations'))
    return { ...issue, path: issue.path.replace('requiredDesignations', 'designations') };
  return issue;
}
