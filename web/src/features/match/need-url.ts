// The need as the page URL holds it, so a need can be shared, bookmarked and reloaded:
//   /match?need=specialization.Finance.DE&need=service.ManagedServices.US.2&industry=...&team=1
// A cell is `kind.code.country[.weight]`; whole-need and team options use the API's own names.
import { CELL_KIND_KEYS, type CellKindKey } from '@contract/matching.contract.ts';

export interface CellDraft {
  kind: CellKindKey;
  code: string;
  country: string;
  /** As typed; '' means the default weight (1). */
  weight: string;
}

export interface NeedDraft {
  cells: CellDraft[];
  industry: string;
  language: string;
  customerSize: string;
  /** As typed; '' means no minimum. */
  minCapacity: string;
  designations: string[];
  excludeCompetitors: boolean;
}

export interface TeamDraft {
  /** Percent as typed ("60"); the API takes a fraction. */
  maxShare: string;
  /** As typed; '' means no limit. */
  maxMembers: string;
}

export interface MatchUrlState {
  need: NeedDraft;
  team: TeamDraft;
  /** The team view was asked for (reloading the address forms the team again). */
  showTeam: boolean;
}

export const DEFAULT_MAX_SHARE_PERCENT = '60';

export const emptyCell = (): CellDraft => ({ kind: 'service', code: '', country: '', weight: '' });

const isKind = (s: string): s is CellKindKey => (CELL_KIND_KEYS as readonly string[]).includes(s);

function parseCell(text: string): CellDraft {
  const [kind = '', code = '', country = '', ...rest] = text.split('.');
  return {
    kind: isKind(kind) ? kind : 'service',
    code,
    country,
    weight: rest.join('.'),
  };
}

const cellText = (c: CellDraft): string =>
  [c.kind, c.code, c.country, ...(c.weight.trim() === '' ? [] : [c.weight.trim()])].join('.');

export function parseMatchUrl(search: string): MatchUrlState {
  const p = new URLSearchParams(search);
  const cells = p.getAll('need').map(parseCell);
  return {
    need: {
      cells: cells.length === 0 ? [emptyCell()] : cells,
      industry: p.get('industry') ?? '',
      language: p.get('language') ?? '',
      customerSize: p.get('customerSize') ?? '',
      minCapacity: p.get('minCapacity') ?? '',
      designations: p.getAll('designation').filter((d) => d !== ''),
      excludeCompetitors: p.get('excludeCompetitors') === '1',
    },
    team: {
      maxShare: p.get('maxShare') ?? DEFAULT_MAX_SHARE_PERCENT,
      maxMembers: p.get('maxMembers') ?? '',
    },
    showTeam: p.get('team') === '1',
  };
}

/** The canonical query string (stable order); '' for an untouched page. */
export function toMatchSearch(s: MatchUrlState): string {
  const p = new URLSearchParams();
  const only = s.need.cells.length === 1 ? s.need.cells[0] : undefined;
  const untouched = only !== undefined && cellText(only) === cellText(emptyCell());
  if (!untouched) for (const c of s.need.cells) p.append('need', cellText(c));
  const set = (key: string, value: string): void => {
    if (value.trim() !== '') p.set(key, value.trim());
  };
  set('industry', s.need.industry);
  set('language', s.need.language);
  set('customerSize', s.need.customerSize);
  set('minCapacity', s.need.minCapacity);
  for (const d of s.need.designations) p.append('designation', d);
  if (s.need.excludeCompetitors) p.set('excludeCompetitors', '1');
  if (s.team.maxShare.trim() !== DEFAULT_MAX_SHARE_PERCENT) p.set('maxShare', s.team.maxShare);
  set('maxMembers', s.team.maxMembers);
  if (s.showTeam) p.set('team', '1');
  const qs = p.toString();
  return qs === '' ? '' : `?${qs}`;
}

/** A cell with a capability and a country chosen (a request can be sent for it). */
export const isComplete = (c: CellDraft): boolean => c.code !== '' && c.country !== '';
