// Complementarity: how much of a candidate's offering the requester already offers itself.
// An offering is (services ∪ solution areas) x served countries; for such product sets
// |A ∩ B| / |A| = (|K_a ∩ K_b| / |K_a|) x (|C_a ∩ C_b| / |C_a|), so two small counts suffice.

export interface OfferLists {
  readonly services: readonly string[];
  readonly solutionAreas: readonly string[];
  readonly countries: readonly string[];
}

export interface Offer {
  readonly services: ReadonlySet<string>;
  readonly solutionAreas: ReadonlySet<string>;
  readonly countries: ReadonlySet<string>;
}

/** Share of a candidate's offering at or above which it counts as a competitor by default. */
export const DEFAULT_COMPETITOR_OVERLAP = 0.5;

export function offerOf(org: OfferLists): Offer {
  return {
    services: new Set(org.services),
    solutionAreas: new Set(org.solutionAreas),
    countries: new Set(org.countries),
  };
}

function countIn(list: readonly string[], set: ReadonlySet<string>): number {
  let n = 0;
  for (const x of list) if (set.has(x)) n++;
  return n;
}

/** Share in [0, 1] of the candidate's offering the requester offers too; 0 without a requester. */
export function overlapWith(offer: Offer | null, candidate: OfferLists): number {
  if (offer === null) return 0;
  const kinds = candidate.services.length + candidate.solutionAreas.length;
  const places = candidate.countries.length;
  if (kinds === 0 || places === 0) return 0;
  const sharedKinds =
    countIn(candidate.services, offer.services) +
    countIn(candidate.solutionAreas, offer.solutionAreas);
  return (sharedKinds / kinds) * (countIn(candidate.countries, offer.countries) / places);
}
