// A deal is cross-border when the parties' countries, or the customer's, are not all the same.

/** True when the known countries (ISO 3166-1 alpha-2; null = unknown) are not all equal. */
export function isCrossBorder(countries: readonly (string | null)[]): boolean {
  let first: string | null = null;
  for (const c of countries) {
    if (c === null) continue;
    if (first === null) first = c;
    else if (c !== first) return true;
  }
  return false;
}
