// The directory query last shown, so a profile's "back to results" returns to the same search.
let last = '';

export function rememberSearch(search: string): void {
  last = search;
}

export const lastDirectoryUrl = (): string => `/directory${last}`;
