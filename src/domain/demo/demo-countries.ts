// Countries of the demo ecosystem: weight (share of partners), languages, currency, cost level,
// web domain, legal forms and cities. Figures are rough and only need to look plausible.
import currencyCodes from 'currency-codes';
import { Weighted } from './weighted.ts';

export type Region =
  | 'Nordics'
  | 'DACH'
  | 'Benelux'
  | 'UK & Ireland'
  | 'Western Europe'
  | 'Southern Europe'
  | 'Central & Eastern Europe'
  | 'North America'
  | 'Latin America'
  | 'Asia Pacific'
  | 'Middle East & Africa';

export interface DemoCountry {
  code: string;
  name: string;
  weight: number;
  region: Region;
  /** ISO 639-1; the first is the main business language. */
  languages: readonly string[];
  currency: string;
  /** Local currency units per US dollar (approximate). */
  fxPerUsd: number;
  /** Consulting price level relative to the US. */
  costLevel: number;
  /** Country web suffix, e.g. `co.uk`. */
  tld: string;
  /** Legal forms; `%` marks a prefix form such as `PT %`. */
  legal: readonly string[];
  cities: readonly string[];
}

type Row = [string, string, number, Region, string, string, number, number, string, string, string];

// code, name, weight, region, languages, currency, fx per USD, cost level, tld, legal forms, cities
// prettier-ignore
const ROWS: readonly Row[] = [
  ['US', 'the United States', 140, 'North America', 'en es', 'USD', 1, 1, 'com', 'Inc.|LLC|Corp.', 'New York|Seattle|Chicago|Dallas|Atlanta|Boston|Denver|San Francisco|Austin|Charlotte'],
  ['CA', 'Canada', 40, 'North America', 'en fr', 'CAD', 1.37, 0.8, 'ca', 'Inc.|Ltd.|Corp.', 'Toronto|Vancouver|Montreal|Calgary|Ottawa'],
  ['GB', 'the United Kingdom', 70, 'UK & Ireland', 'en', 'GBP', 0.79, 0.9, 'co.uk', 'Ltd|Limited|LLP', 'London|Manchester|Reading|Birmingham|Leeds|Edinburgh|Bristol'],
  ['IE', 'Ireland', 15, 'UK & Ireland', 'en ga', 'EUR', 0.92, 0.85, 'ie', 'Ltd|DAC', 'Dublin|Cork|Galway|Limerick'],
  ['DE', 'Germany', 70, 'DACH', 'de en', 'EUR', 0.92, 0.9, 'de', 'GmbH|AG|GmbH & Co. KG', 'Munich|Berlin|Hamburg|Frankfurt|Cologne|Stuttgart|Düsseldorf|Leipzig'],
  ['AT', 'Austria', 12, 'DACH', 'de en', 'EUR', 0.92, 0.85, 'at', 'GmbH|AG', 'Vienna|Graz|Linz|Salzburg|Innsbruck'],
  ['CH', 'Switzerland', 15, 'DACH', 'de fr it en', 'CHF', 0.88, 1.2, 'ch', 'AG|GmbH|SA', 'Zurich|Geneva|Basel|Bern|Lausanne|Zug'],
  ['NL', 'the Netherlands', 40, 'Benelux', 'nl en', 'EUR', 0.92, 0.9, 'nl', 'B.V.', 'Amsterdam|Utrecht|Rotterdam|Eindhoven|The Hague|Zwolle'],
  ['BE', 'Belgium', 15, 'Benelux', 'nl fr en de', 'EUR', 0.92, 0.85, 'be', 'BV|NV|SRL', 'Brussels|Antwerp|Ghent|Leuven|Liège'],
  ['LU', 'Luxembourg', 3, 'Benelux', 'lb fr de en', 'EUR', 0.92, 1.0, 'lu', 'S.à r.l.|S.A.', 'Luxembourg|Esch-sur-Alzette'],
  ['FR', 'France', 50, 'Western Europe', 'fr en', 'EUR', 0.92, 0.85, 'fr', 'SAS|SARL|SA', 'Paris|Lyon|Toulouse|Nantes|Lille|Bordeaux|Marseille'],
  ['SE', 'Sweden', 30, 'Nordics', 'sv en', 'SEK', 10.5, 0.85, 'se', 'AB', 'Stockholm|Gothenburg|Malmö|Uppsala|Linköping'],
  ['DK', 'Denmark', 25, 'Nordics', 'da en', 'DKK', 6.9, 0.95, 'dk', 'ApS|A/S', 'Copenhagen|Aarhus|Odense|Aalborg'],
  ['NO', 'Norway', 25, 'Nordics', 'no en', 'NOK', 10.8, 0.95, 'no', 'AS|ASA', 'Oslo|Bergen|Trondheim|Stavanger|Tromsø'],
  ['FI', 'Finland', 20, 'Nordics', 'fi sv en', 'EUR', 0.92, 0.8, 'fi', 'Oy|Oyj', 'Helsinki|Espoo|Tampere|Turku|Oulu'],
  ['IS', 'Iceland', 1.5, 'Nordics', 'is en', 'ISK', 138, 0.95, 'is', 'ehf.|hf.', 'Reykjavík|Akureyri'],
  ['ES', 'Spain', 35, 'Southern Europe', 'es en ca', 'EUR', 0.92, 0.6, 'es', 'S.L.|S.A.', 'Madrid|Barcelona|Valencia|Seville|Bilbao|Málaga'],
  ['PT', 'Portugal', 10, 'Southern Europe', 'pt en', 'EUR', 0.92, 0.5, 'pt', 'Lda.|S.A.', 'Lisbon|Porto|Braga|Coimbra'],
  ['IT', 'Italy', 35, 'Southern Europe', 'it en', 'EUR', 0.92, 0.65, 'it', 'S.r.l.|S.p.A.', 'Milan|Rome|Turin|Bologna|Florence|Naples'],
  ['GR', 'Greece', 6, 'Southern Europe', 'el en', 'EUR', 0.92, 0.45, 'gr', 'S.A.|IKE', 'Athens|Thessaloniki|Patras'],
  ['CY', 'Cyprus', 1.5, 'Southern Europe', 'el en', 'EUR', 0.92, 0.55, 'com.cy', 'Ltd', 'Nicosia|Limassol'],
  ['PL', 'Poland', 20, 'Central & Eastern Europe', 'pl en', 'PLN', 4, 0.45, 'pl', 'sp. z o.o.|S.A.', 'Warsaw|Kraków|Wrocław|Gdańsk|Poznań|Łódź'],
  ['CZ', 'Czechia', 10, 'Central & Eastern Europe', 'cs en', 'CZK', 23, 0.45, 'cz', 's.r.o.|a.s.', 'Prague|Brno|Ostrava'],
  ['SK', 'Slovakia', 4, 'Central & Eastern Europe', 'sk en', 'EUR', 0.92, 0.4, 'sk', 's.r.o.|a.s.', 'Bratislava|Košice'],
  ['HU', 'Hungary', 6, 'Central & Eastern Europe', 'hu en', 'HUF', 365, 0.4, 'hu', 'Kft.|Zrt.', 'Budapest|Debrecen|Szeged'],
  ['RO', 'Romania', 8, 'Central & Eastern Europe', 'ro en', 'RON', 4.6, 0.4, 'ro', 'S.R.L.|S.A.', 'Bucharest|Cluj-Napoca|Iași|Timișoara'],
  ['BG', 'Bulgaria', 3, 'Central & Eastern Europe', 'bg en', 'EUR', 0.92, 0.35, 'bg', 'EOOD|OOD|AD', 'Sofia|Plovdiv|Varna'],
  ['HR', 'Croatia', 3, 'Central & Eastern Europe', 'hr en', 'EUR', 0.92, 0.4, 'hr', 'd.o.o.|d.d.', 'Zagreb|Split|Rijeka'],
  ['SI', 'Slovenia', 2, 'Central & Eastern Europe', 'sl en', 'EUR', 0.92, 0.45, 'si', 'd.o.o.', 'Ljubljana|Maribor'],
  ['RS', 'Serbia', 3, 'Central & Eastern Europe', 'sr en', 'RSD', 108, 0.3, 'rs', 'd.o.o.', 'Belgrade|Novi Sad|Niš'],
  ['EE', 'Estonia', 3, 'Central & Eastern Europe', 'et en', 'EUR', 0.92, 0.5, 'ee', 'OÜ|AS', 'Tallinn|Tartu'],
  ['LV', 'Latvia', 2, 'Central & Eastern Europe', 'lv en', 'EUR', 0.92, 0.4, 'lv', 'SIA', 'Riga|Daugavpils'],
  ['LT', 'Lithuania', 3, 'Central & Eastern Europe', 'lt en', 'EUR', 0.92, 0.4, 'lt', 'UAB', 'Vilnius|Kaunas|Klaipėda'],
  ['UA', 'Ukraine', 4, 'Central & Eastern Europe', 'uk en', 'UAH', 41, 0.25, 'com.ua', 'TOV|LLC', 'Kyiv|Lviv|Kharkiv|Dnipro'],
  ['TR', 'Türkiye', 10, 'Middle East & Africa', 'tr en', 'TRY', 34, 0.35, 'com.tr', 'A.Ş.|Ltd. Şti.', 'Istanbul|Ankara|Izmir|Bursa'],
  ['IL', 'Israel', 8, 'Middle East & Africa', 'he en', 'ILS', 3.7, 0.8, 'co.il', 'Ltd.', 'Tel Aviv|Jerusalem|Haifa|Herzliya'],
  ['AE', 'the United Arab Emirates', 10, 'Middle East & Africa', 'ar en', 'AED', 3.67, 0.75, 'ae', 'LLC|FZ-LLC', 'Dubai|Abu Dhabi|Sharjah'],
  ['SA', 'Saudi Arabia', 8, 'Middle East & Africa', 'ar en', 'SAR', 3.75, 0.75, 'com.sa', 'LLC|Co.', 'Riyadh|Jeddah|Dammam'],
  ['QA', 'Qatar', 2, 'Middle East & Africa', 'ar en', 'QAR', 3.64, 0.8, 'qa', 'WLL|LLC', 'Doha'],
  ['EG', 'Egypt', 5, 'Middle East & Africa', 'ar en', 'EGP', 49, 0.2, 'com.eg', 'S.A.E.|LLC', 'Cairo|Alexandria|Giza'],
  ['MA', 'Morocco', 3, 'Middle East & Africa', 'ar fr en', 'MAD', 9.9, 0.3, 'ma', 'SARL|SA', 'Casablanca|Rabat|Marrakesh'],
  ['NG', 'Nigeria', 5, 'Middle East & Africa', 'en', 'NGN', 1550, 0.2, 'com.ng', 'Ltd|Limited', 'Lagos|Abuja|Port Harcourt'],
  ['KE', 'Kenya', 4, 'Middle East & Africa', 'en sw', 'KES', 129, 0.25, 'co.ke', 'Ltd|Limited', 'Nairobi|Mombasa|Kisumu'],
  ['ZA', 'South Africa', 15, 'Middle East & Africa', 'en af', 'ZAR', 18.5, 0.4, 'co.za', '(Pty) Ltd', 'Johannesburg|Cape Town|Durban|Pretoria'],
  ['IN', 'India', 50, 'Asia Pacific', 'en hi', 'INR', 84, 0.25, 'in', 'Pvt. Ltd.|Private Limited|LLP', 'Bengaluru|Mumbai|Hyderabad|Pune|Chennai|New Delhi|Noida'],
  ['JP', 'Japan', 25, 'Asia Pacific', 'ja en', 'JPY', 150, 0.8, 'co.jp', 'K.K.|Co., Ltd.', 'Tokyo|Osaka|Nagoya|Fukuoka|Yokohama'],
  ['KR', 'South Korea', 10, 'Asia Pacific', 'ko en', 'KRW', 1370, 0.7, 'co.kr', 'Co., Ltd.|Inc.', 'Seoul|Busan|Incheon|Pangyo'],
  ['SG', 'Singapore', 15, 'Asia Pacific', 'en zh ms', 'SGD', 1.35, 0.85, 'com.sg', 'Pte. Ltd.', 'Singapore'],
  ['MY', 'Malaysia', 6, 'Asia Pacific', 'ms en zh', 'MYR', 4.5, 0.35, 'com.my', 'Sdn. Bhd.', 'Kuala Lumpur|Penang|Johor Bahru|Cyberjaya'],
  ['PH', 'the Philippines', 6, 'Asia Pacific', 'en tl', 'PHP', 57, 0.25, 'com.ph', 'Inc.|Corp.', 'Manila|Makati|Cebu City|Taguig'],
  ['TH', 'Thailand', 5, 'Asia Pacific', 'th en', 'THB', 35, 0.3, 'co.th', 'Co., Ltd.', 'Bangkok|Chiang Mai|Phuket'],
  ['VN', 'Vietnam', 4, 'Asia Pacific', 'vi en', 'VND', 25000, 0.25, 'com.vn', 'JSC|Co., Ltd.', 'Ho Chi Minh City|Hanoi|Da Nang'],
  ['ID', 'Indonesia', 6, 'Asia Pacific', 'id en', 'IDR', 15800, 0.25, 'co.id', 'PT %', 'Jakarta|Surabaya|Bandung'],
  ['HK', 'Hong Kong', 5, 'Asia Pacific', 'zh en', 'HKD', 7.8, 0.85, 'com.hk', 'Limited', 'Hong Kong|Kowloon'],
  ['TW', 'Taiwan', 4, 'Asia Pacific', 'zh en', 'TWD', 32, 0.55, 'com.tw', 'Co., Ltd.', 'Taipei|Taichung|Hsinchu'],
  ['AU', 'Australia', 40, 'Asia Pacific', 'en', 'AUD', 1.52, 0.9, 'com.au', 'Pty Ltd', 'Sydney|Melbourne|Brisbane|Perth|Adelaide|Canberra'],
  ['NZ', 'New Zealand', 10, 'Asia Pacific', 'en mi', 'NZD', 1.68, 0.75, 'co.nz', 'Limited|Ltd', 'Auckland|Wellington|Christchurch'],
  ['BR', 'Brazil', 30, 'Latin America', 'pt en es', 'BRL', 5.6, 0.4, 'com.br', 'Ltda.|S.A.', 'São Paulo|Rio de Janeiro|Belo Horizonte|Curitiba|Porto Alegre'],
  ['MX', 'Mexico', 20, 'Latin America', 'es en', 'MXN', 18, 0.4, 'com.mx', 'S.A. de C.V.|S. de R.L. de C.V.', 'Mexico City|Monterrey|Guadalajara|Querétaro'],
  ['AR', 'Argentina', 8, 'Latin America', 'es en', 'ARS', 950, 0.3, 'com.ar', 'S.A.|S.R.L.', 'Buenos Aires|Córdoba|Rosario'],
  ['CL', 'Chile', 6, 'Latin America', 'es en', 'CLP', 930, 0.4, 'cl', 'SpA|Ltda.', 'Santiago|Valparaíso|Concepción'],
  ['CO', 'Colombia', 7, 'Latin America', 'es en', 'COP', 4100, 0.3, 'com.co', 'S.A.S.', 'Bogotá|Medellín|Cali|Barranquilla'],
  ['PE', 'Peru', 3, 'Latin America', 'es en', 'PEN', 3.75, 0.3, 'com.pe', 'S.A.C.|S.A.', 'Lima|Arequipa'],
  ['UY', 'Uruguay', 2, 'Latin America', 'es en', 'UYU', 40, 0.4, 'com.uy', 'S.A.|S.R.L.', 'Montevideo'],
];

function minorDigits(currency: string): number {
  return currencyCodes.code(currency)?.digits ?? 2;
}

export const DEMO_COUNTRIES: readonly DemoCountry[] = ROWS.map(
  ([code, name, weight, region, langs, currency, fxPerUsd, costLevel, tld, legal, cities]) => ({
    code,
    name,
    weight,
    region,
    languages: langs.split(' '),
    currency,
    fxPerUsd,
    costLevel,
    tld,
    legal: legal.split('|'),
    cities: cities.split('|'),
  }),
);

const byCode = new Map(DEMO_COUNTRIES.map((c) => [c.code, c]));

export function demoCountry(code: string): DemoCountry {
  const c = byCode.get(code);
  if (c === undefined) throw new Error(`no demo country ${code}`);
  return c;
}

/** Decimal digits of each demo currency's minor unit (JPY 0, EUR 2, ...). */
export const MINOR_DIGITS: ReadonlyMap<string, number> = new Map(
  DEMO_COUNTRIES.map((c) => [c.currency, minorDigits(c.currency)]),
);

export const HQ_COUNTRIES = new Weighted(DEMO_COUNTRIES.map((c) => [c, c.weight] as const));

export const COUNTRIES_BY_REGION: ReadonlyMap<Region, Weighted<DemoCountry>> = new Map(
  [...new Set(DEMO_COUNTRIES.map((c) => c.region))].map((region) => [
    region,
    new Weighted(
      DEMO_COUNTRIES.filter((c) => c.region === region).map((c) => [c, c.weight] as const),
    ),
  ]),
);
