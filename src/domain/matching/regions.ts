// Country -> region, for "serves a neighbouring country" in matching. The grouping is the UN M49
// sub-regions (Africa and the Americas at M49's intermediate level, so that "same region" stays a
// plausible delivery distance). No installed package carries M49 (i18n-iso-countries has no
// regions; world-countries is not a dependency), and data/ is shared reference data owned
// elsewhere, so the table lives here. TW and XK, which M49 does not list, sit with their
// neighbours. regions.test.ts checks that every ISO 3166-1 code has exactly one region.

export type Region =
  | 'Northern Africa'
  | 'Eastern Africa'
  | 'Middle Africa'
  | 'Southern Africa'
  | 'Western Africa'
  | 'Caribbean'
  | 'Central America'
  | 'South America'
  | 'Northern America'
  | 'Central Asia'
  | 'Eastern Asia'
  | 'South-eastern Asia'
  | 'Southern Asia'
  | 'Western Asia'
  | 'Eastern Europe'
  | 'Northern Europe'
  | 'Southern Europe'
  | 'Western Europe'
  | 'Australia and New Zealand'
  | 'Melanesia'
  | 'Micronesia'
  | 'Polynesia'
  | 'Antarctica';

export const REGIONS_VERSION = 'M49-2024';

// prettier-ignore
const MEMBERS: Readonly<Record<Region, string>> = {
  'Northern Africa': 'DZ EG LY MA SD TN EH',
  'Eastern Africa': 'IO BI KM DJ ER ET TF KE MG MW MU YT MZ RE RW SC SO SS UG TZ ZM ZW',
  'Middle Africa': 'AO CM CF TD CG CD GQ GA ST',
  'Southern Africa': 'BW SZ LS NA ZA',
  'Western Africa': 'BJ BF CV CI GM GH GN GW LR ML MR NE NG SH SN SL TG',
  'Caribbean': 'AI AG AW BS BB BQ VG KY CU CW DM DO GD GP HT JM MQ MS PR BL KN LC MF VC SX TT TC VI',
  'Central America': 'BZ CR SV GT HN MX NI PA',
  'South America': 'AR BO BV BR CL CO EC FK GF GY PY PE GS SR UY VE',
  'Northern America': 'BM CA GL PM US',
  'Central Asia': 'KZ KG TJ TM UZ',
  'Eastern Asia': 'CN HK MO KP JP MN KR TW',
  'South-eastern Asia': 'BN KH ID LA MY MM PH SG TH TL VN',
  'Southern Asia': 'AF BD BT IN IR MV NP PK LK',
  'Western Asia': 'AM AZ BH CY GE IQ IL JO KW LB OM QA SA PS SY TR AE YE',
  'Eastern Europe': 'BY BG CZ HU PL MD RO RU SK UA',
  'Northern Europe': 'AX DK EE FO FI GG IS IE IM JE LV LT NO SJ SE GB',
  'Southern Europe': 'AL AD BA HR GI GR VA IT MT ME MK PT SM RS SI ES XK',
  'Western Europe': 'AT BE FR DE LI LU MC NL CH',
  'Australia and New Zealand': 'AU CX CC HM NZ NF',
  'Melanesia': 'FJ NC PG SB VU',
  'Micronesia': 'GU KI MH FM NR MP PW UM',
  'Polynesia': 'AS CK PF NU PN WS TK TO TV WF',
  'Antarctica': 'AQ',
};

const REGION_OF: ReadonlyMap<string, Region> = new Map(
  (Object.entries(MEMBERS) as [Region, string][]).flatMap(([region, codes]) =>
    codes.split(' ').map((code) => [code, region] as const),
  ),
);

export function regionOf(country: string): Region | undefined {
  return REGION_OF.get(country);
}

/** Every (country, region) pair, for tests and for clients that draw region pickers. */
export function regionEntries(): [string, Region][] {
  return [...REGION_OF.entries()];
}

/** How far an org reaches a cell's country: it serves it, or a country of the same region. */
export const REACH = { served: 1, sameRegion: 0.5, none: 0 } as const;

export function reachOf(
  country: string,
  region: Region | undefined,
  served: readonly string[],
): number {
  let reach: number = REACH.none;
  for (const c of served) {
    if (c === country) return REACH.served;
    if (reach === REACH.none && region !== undefined && REGION_OF.get(c) === region) {
      reach = REACH.sameRegion;
    }
  }
  return reach;
}
