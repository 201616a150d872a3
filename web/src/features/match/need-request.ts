// The need as typed -> the API request. Only what cannot be sent is checked here (an empty
// choice, text that is not a number); codes, limits and ranges are the API's to judge, and its
// field errors come back at the same paths (`needs[2].country`, `maxShare`).
import type { MatchRequest, NeedCellDto, TeamRequest } from '@contract/matching.contract.ts';
import type { FieldIssue } from '../../lib/field-errors.ts';
import { KIND_LABELS } from './cell-label.ts';
import type { CellDraft, NeedDraft, TeamDraft } from './need-url.ts';

export type NeedBody = Omit<MatchRequest, 'limit'>;

export interface Checked<T> {
  body: T;
  issues: FieldIssue[];
}

/** "2", "0.5", "-1" -> a number; '' -> undefined; anything else -> null. */
function numberOf(text: string): number | null | undefined {
  const t = text.trim().replace(',', '.');
  if (t === '') return undefined;
  return /^[-+]?(\d+(\.\d*)?|\.\d+)$/.test(t) ? Number(t) : null;
}

function cellBody(c: CellDraft, i: number, issues: FieldIssue[]): NeedCellDto {
  const path = `needs[${i}]`;
  if (c.code === '')
    issues.push({ path: `${path}.${c.kind}`, message: `Choose a ${KIND_LABELS[c.kind]}` });
  if (c.country === '') issues.push({ path: `${path}.country`, message: 'Choose a country' });
  const weight = numberOf(c.weight);
  if (weight === null)
    issues.push({ path: `${path}.weight`, message: 'A number such as 2 (1 is the default)' });
  return {
    [c.kind]: c.code,
    country: c.country,
    ...(typeof weight === 'number' ? { weight } : {}),
  };
}

export function needBody(d: NeedDraft): Checked<NeedBody> {
  const issues: FieldIssue[] = [];
  const needs = d.cells.map((c, i) => cellBody(c, i, issues));
  const minCapacity = d.minCapacity.trim();
  if (minCapacity !== '' && !/^\d+$/.test(minCapacity))
    issues.push({ path: 'minCapacity', message: 'A whole number of consultants, such as 5' });
  const body: NeedBody = {
    needs,
    ...(d.industry === '' ? {} : { industry: d.industry }),
    ...(d.language === '' ? {} : { language: d.language }),
    ...(d.customerSize === '' ? {} : { customerSize: d.customerSize }),
    ...(minCapacity === '' || issues.length > 0 ? {} : { minCapacity: Number(minCapacity) }),
    ...(d.designations.length === 0 ? {} : { designations: d.designations }),
    excludeCompetitors: d.excludeCompetitors,
  };
  return { body, issues };
}

export function teamBody(need: NeedBody, t: TeamDraft): Checked<TeamRequest> {
  const issues: FieldIssue[] = [];
  const percent = numberOf(t.maxShare);
  if (percent === null)
    issues.push({ path: 'maxShare', message: 'A percentage such as 60 (0 to 100)' });
  const members = numberOf(t.maxMembers);
  if (members === null) issues.push({ path: 'maxMembers', message: 'A whole number such as 3' });
  return {
    body: {
      ...need,
      ...(typeof percent === 'number' ? { maxShare: percent / 100 } : {}),
      ...(typeof members === 'number' ? { maxMembers: members } : {}),
      backups: true,
    },
    issues,
  };
}
