// Company names and websites that look like IT partners: "Nordlys Cloud Partners AS",
// "Contoso Data Services GmbH", "PT Brightpath Digital".
import type { DemoCountry, Region } from './demo-countries.ts';
import type { Rng } from './prng.ts';

// prettier-ignore
const GENERAL_ROOTS = [
  'Contoso', 'Fabrikam', 'Northwind', 'Tailspin', 'Litware', 'Adatum', 'Woodgrove', 'Proseware',
  'Wingtip', 'Lamna', 'Coho', 'Trey', 'Lucerne', 'Humongous', 'Alpine', 'Meridian', 'Summit',
  'Keystone', 'Horizon', 'Evergreen', 'Pinnacle', 'Cobalt', 'Granite', 'Harbor', 'Beacon', 'Vertex',
  'Bluebird', 'Redwood', 'Silverline', 'Ironbark', 'Clearwater', 'Brightstone', 'Northstar',
  'Westbrook', 'Eastgate', 'Highpoint', 'Kestrel', 'Osprey', 'Heron', 'Juniper', 'Willow', 'Cedar',
  'Aspen', 'Sequoia', 'Quartz', 'Onyx', 'Amber', 'Indigo', 'Saffron', 'Crimson', 'Azurite',
  'Lighthouse', 'Compass', 'Anchor', 'Bridgewater', 'Fairway', 'Greenfield', 'Oakridge', 'Stonebridge',
] as const;

// prettier-ignore
const REGIONAL_ROOTS: Readonly<Record<Region, readonly string[]>> = {
  'Nordics': ['Nordlys', 'Fjord', 'Polar', 'Skagen', 'Vinter', 'Fjell', 'Havn', 'Midnatt', 'Lumi', 'Kvarts', 'Norrsken', 'Bølge'],
  'DACH': ['Alpen', 'Bergwerk', 'Rhein', 'Edelweiss', 'Eiche', 'Falke', 'Donau', 'Brücke', 'Gipfel', 'Lindwurm'],
  'Benelux': ['Polder', 'Molen', 'Delta', 'Duin', 'Zilver', 'Brabant', 'Schelde', 'Tulp'],
  'UK & Ireland': ['Thames', 'Highland', 'Pennine', 'Shannon', 'Cotswold', 'Avon', 'Emerald', 'Tudor'],
  'Western Europe': ['Lumière', 'Azur', 'Étoile', 'Mistral', 'Loire', 'Provence', 'Cassis', 'Arpège'],
  'Southern Europe': ['Sol', 'Costa', 'Aurora', 'Levante', 'Tramonto', 'Olivo', 'Marea', 'Atlas', 'Egeo'],
  'Central & Eastern Europe': ['Vistula', 'Tatra', 'Karpaty', 'Bursztyn', 'Dunaj', 'Baltic', 'Amber', 'Sokol'],
  'North America': ['Maple', 'Cascade', 'Prairie', 'Liberty', 'Rockies', 'Lakeshore', 'Frontier', 'Redrock'],
  'Latin America': ['Andes', 'Norte', 'Luz', 'Cumbre', 'Pampa', 'Condor', 'Ceiba', 'Quetzal', 'Ipê'],
  'Asia Pacific': ['Sakura', 'Lotus', 'Jade', 'Bamboo', 'Orchid', 'Monsoon', 'Koru', 'Wattle', 'Banyan', 'Garuda'],
  'Middle East & Africa': ['Oasis', 'Falcon', 'Cedar', 'Baobab', 'Savanna', 'Nile', 'Dune', 'Acacia', 'Kilima', 'Anatolia'],
};

// prettier-ignore
const COINED_HEADS = [
  'Bright', 'Clear', 'Blue', 'Data', 'Cloud', 'Net', 'Info', 'Syn', 'Nova', 'Zen', 'Aqua', 'Sky',
  'Iron', 'Silver', 'True', 'Swift', 'Core', 'Omni', 'Prime', 'Agil', 'Veri', 'Lumen', 'Terra', 'Hexa',
] as const;
// prettier-ignore
const COINED_TAILS = [
  'path', 'point', 'bridge', 'wave', 'stone', 'works', 'field', 'gate', 'ify', 'ora', 'ix', 'io',
  'logic', 'sphere', 'scale', 'wise', 'line', 'peak', 'forge', 'nest',
] as const;

// prettier-ignore
const DESCRIPTORS = [
  'Cloud', 'Data', 'Digital', 'Cyber', 'IT', 'Tech', 'Business', 'Analytics', 'Secure', 'Smart',
  'Modern', 'Apps', 'Automation', 'Insight', 'Network', 'Infra',
] as const;

const TAILS_BY_TYPE: Readonly<Record<string, readonly string[]>> = {
  SI: ['Solutions', 'Systems', 'Integration', 'Group', 'Partners', 'Technologies'],
  Reseller: ['Solutions', 'IT', 'Systems', 'Direct', 'Store'],
  MSP: ['Managed Services', 'IT Services', 'Operations', 'Services', 'Networks'],
  ISV: ['Software', 'Labs', 'Technologies', 'Apps'],
  Distributor: ['Distribution', 'Trading', 'Supply'],
  Training: ['Academy', 'Learning', 'Training', 'Institute'],
  Consulting: ['Consulting', 'Advisory', 'Partners', 'Group'],
};

const GENERIC_TLDS = ['com', 'io', 'cloud', 'tech', 'net'] as const;

export interface DemoName {
  name: string;
  /** The name without its legal form, for prose. */
  shortName: string;
  website: string | null;
}

function root(rng: Rng, country: DemoCountry): string {
  if (rng.chance(0.3)) return rng.pick(REGIONAL_ROOTS[country.region]);
  if (rng.chance(0.3)) return rng.pick(COINED_HEADS) + rng.pick(COINED_TAILS);
  return rng.pick(GENERAL_ROOTS);
}

function withLegalForm(base: string, legal: string): string {
  return legal.includes('%') ? legal.replace('%', base) : `${base} ${legal}`;
}

/** Lower-case ASCII letters and digits only: "Lumière Data" -> "lumieredata". */
export function slugOf(words: string): string {
  return words
    .normalize('NFD')
    .replace(/[^A-Za-z0-9]/g, '')
    .toLowerCase();
}

export function makeName(rng: Rng, country: DemoCountry, primaryType: string): DemoName {
  const head = root(rng, country);
  const tail = rng.pick(TAILS_BY_TYPE[primaryType] ?? TAILS_BY_TYPE.SI ?? ['Solutions']);
  const style = rng.float();
  let base: string;
  let slug: string;
  if (style < 0.4) {
    const descriptor = rng.pick(DESCRIPTORS);
    base = `${head} ${descriptor} ${tail}`;
    slug = slugOf(head + descriptor);
  } else if (style < 0.8) {
    base = `${head} ${tail}`;
    slug = rng.chance(0.5) ? slugOf(head) : `${slugOf(head)}-${slugOf(tail)}`;
  } else {
    base = head;
    slug = slugOf(head);
  }
  const name = withLegalForm(base, rng.pick(country.legal));
  if (rng.chance(0.03)) return { name, shortName: base, website: null };
  const tld = rng.chance(0.8) ? country.tld : rng.pick(GENERIC_TLDS);
  const host = rng.chance(0.85) ? `www.${slug}.${tld}` : `${slug}.${tld}`;
  return { name, shortName: base, website: `https://${host}` };
}
