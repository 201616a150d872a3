// Business rules of a need beyond its shape (the zod contract checks the shape). Paths follow the
// request body: `needs[2].country`, `industry`, `requiredDesignations[0]`.
import { validationError, type FieldIssue } from '../shared/errors.ts';
import { checkCode, checkCodes } from '../taxonomy/check-codes.ts';
import {
  CELL_KINDS,
  CELL_VOCABULARY,
  NEED_LIMITS,
  isCellKind,
  toNeed,
  type Need,
  type NeedCellInput,
  type NeedInput,
} from './need.ts';

export function validateNeed(input: NeedInput): FieldIssue[] {
  return [...checkCells(input.needs), ...checkOptions(input)];
}

/** The need, or an AppError('validation') carrying every issue. */
export function parseNeed(input: NeedInput): Need {
  const issues = validateNeed(input);
  if (issues.length > 0) throw validationError(issues, 'Invalid need');
  return toNeed(input);
}

function checkCells(cells: readonly NeedCellInput[] | undefined): FieldIssue[] {
  if (cells === undefined || cells.length === 0) {
    return [{ path: 'needs', message: 'Add at least one cell: a capability and a country' }];
  }
  if (cells.length > NEED_LIMITS.cellsMax) {
    return [
      { path: 'needs', message: `At most ${NEED_LIMITS.cellsMax} cells; got ${cells.length}` },
    ];
  }
  const issues: FieldIssue[] = [];
  const seen = new Map<string, number>();
  cells.forEach((cell, i) => {
    const path = `needs[${i}]`;
    const cellIssues = checkCell(cell, path);
    issues.push(...cellIssues);
    const key = `${cell.kind}\u0000${cell.code}\u0000${cell.country}`;
    const first = seen.get(key);
    if (first !== undefined && cellIssues.length === 0) {
      issues.push({ path, message: `Same capability and country as needs[${first}]` });
    } else if (first === undefined) seen.set(key, i);
  });
  return issues;
}

function checkCell(cell: NeedCellInput, path: string): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (isCellKind(cell.kind)) {
    issues.push(...checkCode(CELL_VOCABULARY[cell.kind], cell.code, `${path}.code`));
  } else {
    issues.push({
      path: `${path}.kind`,
      message: `Unknown kind "${String(cell.kind)}"; expected one of: ${CELL_KINDS.join(', ')}`,
    });
  }
  issues.push(...checkCode('countries', cell.country, `${path}.country`));
  const w = cell.weight;
  if (w !== undefined && !(Number.isFinite(w) && w > 0 && w <= NEED_LIMITS.weightMax)) {
    issues.push({
      path: `${path}.weight`,
      message: `Must be a number greater than 0 and at most ${NEED_LIMITS.weightMax}`,
    });
  }
  return issues;
}

function checkOptions(input: NeedInput): FieldIssue[] {
  const issues: FieldIssue[] = [];
  if (input.industry !== undefined)
    issues.push(...checkCode('industries', input.industry, 'industry'));
  if (input.language !== undefined)
    issues.push(...checkCode('languages', input.language, 'language'));
  if (input.customerSize !== undefined) {
    issues.push(...checkCode('customerSizes', input.customerSize, 'customerSize'));
  }
  const cap = input.minCapacity;
  if (
    cap !== undefined &&
    !(Number.isInteger(cap) && cap >= 0 && cap <= NEED_LIMITS.minCapacityMax)
  ) {
    issues.push({
      path: 'minCapacity',
      message: `Must be a whole number of consultants from 0 to ${NEED_LIMITS.minCapacityMax}`,
    });
  }
  if (input.requiredDesignations !== undefined) {
    issues.push(...checkCodes('designations', input.requiredDesignations, 'requiredDesignations'));
  }
  return issues;
}
