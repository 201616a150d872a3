import type { FieldIssue } from '../shared/errors.ts';
import { codesOf, isKnownCode, type VocabularyName } from './vocabularies.ts';

// Long vocabularies (countries, languages, currencies) would drown the message; name the standard.
const LONG_LIST_HINT: Partial<Record<VocabularyName, string>> = {
  countries: 'an ISO 3166-1 alpha-2 country code such as DE or US',
  languages: 'an ISO 639-1 language code such as de or en',
  currencies: 'an ISO 4217 currency code such as EUR or USD',
};

export function unknownCodeMessage(vocabulary: VocabularyName, code: string): string {
  const hint = LONG_LIST_HINT[vocabulary] ?? `one of: ${codesOf(vocabulary).join(', ')}`;
  return `Unknown code "${code}"; expected ${hint}`;
}

/** Issues for each code not in the vocabulary, with paths like `services[2]`. */
export function checkCodes(
  vocabulary: VocabularyName,
  codes: readonly string[],
  path: string,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  codes.forEach((code, i) => {
    if (!isKnownCode(vocabulary, code)) {
      issues.push({ path: `${path}[${i}]`, message: unknownCodeMessage(vocabulary, code) });
    }
  });
  return issues;
}

export function checkCode(vocabulary: VocabularyName, code: string, path: string): FieldIssue[] {
  return isKnownCode(vocabulary, code) ? [] : [{ path, message: unknownCodeMessage(vocabulary, code) }];
}
