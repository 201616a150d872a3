// Options of a team request, their defaults and their rules. Paths follow the request body.
import type { FieldIssue } from '../shared/errors.ts';
import { DEFAULT_MEMBER_COST } from './team-problem.ts';

export interface TeamOptionsInput {
  maxShare?: number;
  maxMembers?: number;
  backups?: boolean;
  /** Backup partners listed per cell. */
  backupsPerCell?: number;
  /** λ of the objective (team-problem.ts). */
  memberCost?: number;
}

export interface TeamOptions {
  readonly maxShare: number;
  readonly maxMembers: number;
  readonly backups: boolean;
  readonly backupsPerCell: number;
  readonly memberCost: number;
}

export const TEAM_DEFAULTS: TeamOptions = Object.freeze({
  maxShare: 0.6,
  maxMembers: Infinity,
  backups: true,
  backupsPerCell: 2,
  memberCost: DEFAULT_MEMBER_COST,
});

export const TEAM_LIMITS = { maxMembers: 100, backupsPerCell: 10 } as const;

export function validateTeamOptions(input: TeamOptionsInput): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const { maxShare, maxMembers, backupsPerCell, memberCost } = input;
  if (maxShare !== undefined && !(Number.isFinite(maxShare) && maxShare > 0 && maxShare <= 1)) {
    issues.push({ path: 'maxShare', message: 'Must be a number greater than 0 and at most 1' });
  }
  if (maxMembers !== undefined && !isWhole(maxMembers, 1, TEAM_LIMITS.maxMembers)) {
    issues.push({
      path: 'maxMembers',
      message: `Must be a whole number from 1 to ${TEAM_LIMITS.maxMembers}`,
    });
  }
  if (backupsPerCell !== undefined && !isWhole(backupsPerCell, 0, TEAM_LIMITS.backupsPerCell)) {
    issues.push({
      path: 'backupsPerCell',
      message: `Must be a whole number from 0 to ${TEAM_LIMITS.backupsPerCell}`,
    });
  }
  if (
    memberCost !== undefined &&
    !(Number.isFinite(memberCost) && memberCost >= 0 && memberCost <= 1)
  ) {
    issues.push({ path: 'memberCost', message: 'Must be a number from 0 to 1' });
  }
  return issues;
}

function isWhole(x: number, min: number, max: number): boolean {
  return Number.isInteger(x) && x >= min && x <= max;
}

/** Options with defaults; the input must have passed validateTeamOptions. */
export function teamOptions(input: TeamOptionsInput = {}): TeamOptions {
  return {
    maxShare: input.maxShare ?? TEAM_DEFAULTS.maxShare,
    maxMembers: input.maxMembers ?? TEAM_DEFAULTS.maxMembers,
    backups: input.backups ?? TEAM_DEFAULTS.backups,
    backupsPerCell: input.backupsPerCell ?? TEAM_DEFAULTS.backupsPerCell,
    memberCost: input.memberCost ?? TEAM_DEFAULTS.memberCost,
  };
}
