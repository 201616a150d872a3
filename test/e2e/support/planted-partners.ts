// Partners planted over the HTTP API (sign-up, then a profile edit), so a browser suite knows
// which organizations truly fit each cell of its need: the ground truth its results must show.
export interface PlantedPartner {
  name: string;
  hqCountry: string;
  countries: string[];
  services?: string[];
  products?: string[];
  solutionAreas?: string[];
  specializations?: string[];
  designations?: string[];
  availableConsultants?: number;
}

async function json(res: Response, what: string): Promise<Record<string, unknown>> {
  const body = (await res.json()) as Record<string, unknown>;
  if (!res.ok) throw new Error(`${what}: ${res.status} ${JSON.stringify(body)}`);
  return body;
}

/** Signs up each partner's owner and fills in its profile; returns the organization ids by name. */
export async function plantPartners(
  base: string,
  partners: readonly PlantedPartner[],
): Promise<Map<string, string>> {
  const ids = new Map<string, string>();
  for (const [i, p] of partners.entries()) {
    const slug = p.name.toLowerCase().replace(/[^a-z]+/g, '-');
    const signedIn = await json(
      await fetch(`${base}/api/v1/auth/signup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          email: `owner${i}@${slug}.example`,
          password: 'planted-partner-pass',
          name: `Owner of ${p.name}`,
          organization: {
            name: p.name,
            website: `https://${slug}.example`,
            hqCountry: p.hqCountry,
          },
        }),
      }),
      `sign up ${p.name}`,
    );
    const token = String(signedIn.token);
    const orgId = String((signedIn.organization as { id: string }).id);
    const auth = { authorization: `Bearer ${token}` };
    const org = await fetch(`${base}/api/v1/orgs/${orgId}`, { headers: auth });
    const etag = org.headers.get('etag') ?? `"${String((await json(org, 'read')).version)}"`;
    await json(
      await fetch(`${base}/api/v1/orgs/${orgId}`, {
        method: 'PATCH',
        headers: { ...auth, 'content-type': 'application/json', 'if-match': etag },
        body: JSON.stringify({
          countries: p.countries,
          services: p.services ?? [],
          products: p.products ?? [],
          solutionAreas: p.solutionAreas ?? [],
          specializations: p.specializations ?? [],
          designations: p.designations ?? [],
          languages: ['en'],
          partnerTypes: ['SI'],
          teaming: { open: true, seeks: 'Partners for multi-country projects' },
          capacity: { availableConsultants: p.availableConsultants ?? 10, bench: 2 },
          description: `${p.name}: planted by the matchmaking browser suite.`,
        }),
      }),
      `profile of ${p.name}`,
    );
    ids.set(p.name, orgId);
  }
  return ids;
}
