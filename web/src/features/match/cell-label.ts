// Words for cells: "Finance (specialization) in Germany".
import type { CellKindKey } from '@contract/matching.contract.ts';
import type { Vocabularies, VocabularyName } from '../../lib/vocabularies.ts';
import type { CellDraft } from './need-url.ts';

export const KIND_LABELS: Record<CellKindKey, string> = {
  service: 'service',
  product: 'product',
  solutionArea: 'solution area',
  specialization: 'specialization',
};

export const KIND_VOCABULARY: Record<CellKindKey, VocabularyName> = {
  service: 'services',
  product: 'products',
  solutionArea: 'solutionAreas',
  specialization: 'specializations',
};

export const KIND_OPTIONS = (Object.keys(KIND_LABELS) as CellKindKey[]).map((code) => ({
  code,
  label: KIND_LABELS[code].charAt(0).toUpperCase() + KIND_LABELS[code].slice(1),
}));

export interface CellWords {
  capability: string;
  kind: string;
  country: string;
}

export function cellWords(
  c: Pick<CellDraft, 'kind' | 'code' | 'country'>,
  v: Vocabularies,
): CellWords {
  return {
    capability: v.label(KIND_VOCABULARY[c.kind], c.code),
    kind: KIND_LABELS[c.kind],
    country: v.label('countries', c.country),
  };
}

/** "Finance in Germany" (short, for chips and grid rows). */
export function cellText(c: Pick<CellDraft, 'kind' | 'code' | 'country'>, v: Vocabularies): string {
  const w = cellWords(c, v);
  return `${w.capability} in ${w.country}`;
}
