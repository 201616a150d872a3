// The reference vocabularies: Partner Center / MCPP codes from the versioned data file, and the
// ISO country, language and currency lists from maintained packages (never hand-written here).
import countries from 'i18n-iso-countries';
import iso6391 from 'iso-639-1';
import currencyCodes from 'currency-codes';
import partnerCenter from '../../../data/vocabularies/partner-center.json' with { type: 'json' };

export interface VocabularyEntry {
  code: string;
  label: string;
  solutionArea?: string;
  rank?: number;
}

export const CODED_LIST_FIELDS = [
  'countries',
  'languages',
  'partnerTypes',
  'services',
  'products',
  'industries',
  'customerSizes',
  'solutionAreas',
  'designations',
  'specializations',
] as const;
export type CodedListField = (typeof CODED_LIST_FIELDS)[number];

export type VocabularyName = CodedListField | 'employeeBands' | 'currencies';

export const vocabularyVersion = partnerCenter.version;
export const vocabularyEffectiveFrom = partnerCenter.effectiveFrom;

function countryEntries(): VocabularyEntry[] {
  const names = countries.getNames('en', { select: 'official' });
  return Object.keys(countries.getAlpha2Codes())
    .sort()
    .map((code) => ({ code, label: names[code] ?? code }));
}

function languageEntries(): VocabularyEntry[] {
  return iso6391
    .getAllCodes()
    .sort()
    .map((code) => ({ code, label: iso6391.getName(code) }));
}

function currencyEntries(): VocabularyEntry[] {
  return currencyCodes
    .codes()
    .sort()
    .map((code) => ({ code, label: currencyCodes.code(code)?.currency ?? code }));
}

const fields = partnerCenter.fields as Record<string, VocabularyEntry[]>;
const fromFile = (name: string): VocabularyEntry[] => fields[name] ?? [];

export const VOCABULARIES: Readonly<Record<VocabularyName, readonly VocabularyEntry[]>> = Object.freeze({
  countries: countryEntries(),
  languages: languageEntries(),
  currencies: currencyEntries(),
  partnerTypes: fromFile('partnerTypes'),
  services: fromFile('services'),
  products: fromFile('products'),
  industries: fromFile('industries'),
  customerSizes: fromFile('customerSizes'),
  solutionAreas: fromFile('solutionAreas'),
  designations: fromFile('designations'),
  specializations: fromFile('specializations'),
  employeeBands: fromFile('employeeBands'),
});

const codeSets = new Map<VocabularyName, ReadonlySet<string>>(
  Object.entries(VOCABULARIES).map(([name, entries]) => [
    name as VocabularyName,
    new Set(entries.map((e) => e.code)),
  ]),
);

export function isKnownCode(vocabulary: VocabularyName, code: string): boolean {
  return codeSets.get(vocabulary)?.has(code) ?? false;
}

export function codesOf(vocabulary: VocabularyName): readonly string[] {
  return VOCABULARIES[vocabulary].map((e) => e.code);
}

/** Rank of an employee band (1 = smallest), 0 when unknown or unset. */
export function employeeBandRank(code: string | null): number {
  if (code === null) return 0;
  return VOCABULARIES.employeeBands.find((e) => e.code === code)?.rank ?? 0;
}
