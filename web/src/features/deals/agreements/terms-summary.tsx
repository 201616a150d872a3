// The terms of one version, read-only, as a definition list.
import type { Terms } from '../deals-api.ts';
import { formatTerm, TERM_LABELS } from './terms-labels.ts';

function rows(t: Terms): [string, string][] {
  const fee = t.fee;
  const out: [string, string][] = [['fee.basis', formatTerm('fee.basis', fee.basis, t.currency)]];
  if (fee.basis === 'percent-of-revenue' || fee.basis === 'revenue-share')
    out.push(['fee.rate', formatTerm('fee.rate', fee.rate, t.currency)]);
  if (fee.basis === 'fixed-fee')
    out.push([
      'fee.amount',
      formatTerm('fee.amount.amount', fee.amount.amount, fee.amount.currency),
    ]);
  const keys = [
    'feePayer',
    'currency',
    'paymentDays',
    'effectiveFrom',
    'durationMonths',
    'nonCircumventionMonths',
    'customerRelationshipOwner',
    'confidentiality',
    'disputeRoute',
  ] as const;
  for (const k of keys) out.push([k, formatTerm(k, t[k], t.currency)]);
  return out;
}

export function TermsSummary({ terms, label }: { terms: Terms; label: string }) {
  return (
    <dl className="deal-terms" aria-label={label}>
      {rows(terms).map(([path, value]) => (
        <div key={path}>
          <dt>{TERM_LABELS[path] ?? path}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
