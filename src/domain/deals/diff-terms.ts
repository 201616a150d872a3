// Field-by-field differences between two versions' terms, for the version diff in the editor.
// Nested terms flatten to dotted paths (fee.rate, fee.amount.amount), matching validation paths.
import type { Money } from '../profile/profile.ts';
import type { AgreementTerms } from './agreement.ts';

export type TermValue = string | number | boolean | null;

export type TermsChange =
  | { path: string; kind: 'changed'; before: TermValue; after: TermValue }
  | { path: string; kind: 'added'; after: TermValue }
  | { path: string; kind: 'removed'; before: TermValue };

type Terms = AgreementTerms<number, Money>;

// The editor's reading order, whatever order the objects' keys happen to be in.
const ORDER = [
  'fee.basis',
  'fee.rate',
  'fee.amount.amount',
  'fee.amount.currency',
  'feePayer',
  'currency',
  'paymentDays',
  'effectiveFrom',
  'durationMonths',
  'nonCircumventionMonths',
  'customerRelationshipOwner',
  'confidentiality',
  'disputeRoute',
];
const rank = (path: string): number => {
  const i = ORDER.indexOf(path);
  return i === -1 ? ORDER.length : i;
};

function flatten(
  value: unknown,
  prefix: string,
  out: Map<string, TermValue>,
): Map<string, TermValue> {
  if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value))
      flatten(v, prefix === '' ? k : `${prefix}.${k}`, out);
  } else if (
    typeof value === 'string' ||
    typeof value === 'number' ||
    typeof value === 'boolean' ||
    value === null
  ) {
    out.set(prefix, value);
  }
  return out;
}

/** Changes from `a` to `b`, in the editor's field order. */
export function diffTerms(a: Terms, b: Terms): TermsChange[] {
  const before = flatten(a, '', new Map());
  const after = flatten(b, '', new Map());
  const changes: TermsChange[] = [];
  for (const [path, old] of before) {
    if (!after.has(path)) changes.push({ path, kind: 'removed', before: old });
    else if (after.get(path) !== old)
      changes.push({ path, kind: 'changed', before: old, after: after.get(path) ?? null });
  }
  for (const [path, value] of after) {
    if (!before.has(path)) changes.push({ path, kind: 'added', after: value });
  }
  return changes.sort((x, y) => rank(x.path) - rank(y.path));
}
