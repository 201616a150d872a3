import { getDomain } from 'tldts';

/** The registrable domain (eTLD+1) of a website, e.g. https://www.contoso.co.uk -> contoso.co.uk. */
export function registrableDomain(website: string | null): string | null {
  if (website === null || website.trim() === '') return null;
  return getDomain(website) ?? null;
}
