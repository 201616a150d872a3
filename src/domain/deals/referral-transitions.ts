// Who may move a referral from which status to which, as one table. `transition` enforces it and
// its errors quote it, so the table is the single source for code, errors and tests.
import type { FieldIssue } from '../shared/errors.ts';
import type { Actor, ReferralStatus, ReferralSubstatus } from './referral-state.ts';

export type TransitionKind =
  'update' | 'accept' | 'decline' | 'win' | 'lose' | 'close-as-error' | 'expire';

export interface TransitionRule {
  kind: TransitionKind;
  from: ReferralStatus;
  to: ReferralStatus;
  substatus: ReferralSubstatus;
  by: readonly Actor[];
  note: string;
}

const BOTH: readonly Actor[] = ['sender', 'receiver'];

export const TRANSITIONS: readonly TransitionRule[] = [
  {
    kind: 'update',
    from: 'New',
    to: 'New',
    substatus: 'Received',
    by: BOTH,
    note: 'update value or reason',
  },
  {
    kind: 'accept',
    from: 'New',
    to: 'Active',
    substatus: 'Accepted',
    by: ['receiver'],
    note: 'accept',
  },
  {
    kind: 'decline',
    from: 'New',
    to: 'Closed',
    substatus: 'Declined',
    by: ['receiver'],
    note: 'decline; statusReason required',
  },
  {
    kind: 'close-as-error',
    from: 'New',
    to: 'Closed',
    substatus: 'Lost',
    by: BOTH,
    note: 'close as error; statusReason "Error" or "Error: <why>"',
  },
  {
    kind: 'expire',
    from: 'New',
    to: 'Closed',
    substatus: 'Expired',
    by: ['system'],
    note: 'expiry job, after 14 days unanswered',
  },
  {
    kind: 'update',
    from: 'Active',
    to: 'Active',
    substatus: 'Accepted',
    by: BOTH,
    note: 'update stage, value or reason',
  },
  {
    kind: 'win',
    from: 'Active',
    to: 'Closed',
    substatus: 'Won',
    by: ['receiver'],
    note: 'won; realised value required',
  },
  { kind: 'lose', from: 'Active', to: 'Closed', substatus: 'Lost', by: ['receiver'], note: 'lost' },
  {
    kind: 'close-as-error',
    from: 'Active',
    to: 'Closed',
    substatus: 'Lost',
    by: BOTH,
    note: 'close as error; statusReason "Error" or "Error: <why>"',
  },
];

export const rulesFrom = (status: ReferralStatus): TransitionRule[] =>
  TRANSITIONS.filter((r) => r.from === status);

/** The rule for moving `from` to status `to` as `kind`; undefined when the table has none. */
export const findRule = (
  from: ReferralStatus,
  to: ReferralStatus,
  kind: TransitionKind,
): TransitionRule | undefined =>
  TRANSITIONS.find((r) => r.from === from && r.to === to && r.kind === kind);

/** One issue per allowed move, e.g. `New -> Active/Accepted by receiver: accept`. */
export function describeRules(rules: readonly TransitionRule[]): FieldIssue[] {
  if (rules.length === 0) {
    return [
      { path: 'status', message: 'Closed referrals are read-only: no transition is allowed' },
    ];
  }
  return rules.map((r) => ({
    path: 'status',
    message: `${r.from} -> ${r.to}/${r.substatus} by ${r.by.join(' or ')}: ${r.note}`,
  }));
}
