// A customer need: cells of one capability in one country, plus options for the whole need.
import type { VocabularyName } from '../taxonomy/vocabularies.ts';

export const CELL_KINDS = ['service', 'product', 'solutionArea', 'specialization'] as const;
export type CellKind = (typeof CELL_KINDS)[number];

/** The vocabulary each cell kind takes its code from. */
export const CELL_VOCABULARY: Readonly<Record<CellKind, VocabularyName>> = {
  service: 'services',
  product: 'products',
  solutionArea: 'solutionAreas',
  specialization: 'specializations',
};

/** How much one cell matters within its need (relative; any positive number). */
export type CellWeight = number & { readonly __brand: 'CellWeight' };

export const DEFAULT_CELL_WEIGHT = 1 as CellWeight;

export const NEED_LIMITS = { cellsMax: 100, weightMax: 1000, minCapacityMax: 100_000 } as const;

export interface NeedCellInput {
  kind: CellKind;
  code: string;
  country: string;
  weight?: number;
}

/** A need as a request states it; `needs` mirrors the API's field name, so paths match. */
export interface NeedInput {
  needs: readonly NeedCellInput[];
  industry?: string;
  language?: string;
  customerSize?: string;
  minCapacity?: number;
  requiredDesignations?: readonly string[];
}

export interface NeedCell {
  readonly kind: CellKind;
  readonly code: string;
  readonly country: string;
  readonly weight: CellWeight;
}

export interface Need {
  readonly cells: readonly NeedCell[];
  readonly industry?: string;
  readonly language?: string;
  readonly customerSize?: string;
  readonly minCapacity?: number;
  readonly requiredDesignations: readonly string[];
}

export function isCellKind(x: unknown): x is CellKind {
  return typeof x === 'string' && (CELL_KINDS as readonly string[]).includes(x);
}

/** The need with defaults filled in; the input must have passed validateNeed. */
export function toNeed(input: NeedInput): Need {
  return {
    cells: input.needs.map((c) => ({
      kind: c.kind,
      code: c.code,
      country: c.country,
      weight: (c.weight ?? DEFAULT_CELL_WEIGHT) as CellWeight,
    })),
    ...(input.industry === undefined ? {} : { industry: input.industry }),
    ...(input.language === undefined ? {} : { language: input.language }),
    ...(input.customerSize === undefined ? {} : { customerSize: input.customerSize }),
    ...(input.minCapacity === undefined ? {} : { minCapacity: input.minCapacity }),
    requiredDesignations: input.requiredDesignations ?? [],
  };
}

export function totalWeight(need: Need): number {
  let total = 0;
  for (const c of need.cells) total += c.weight;
  return total;
}
