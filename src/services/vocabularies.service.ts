import {
  VOCABULARIES,
  vocabularyEffectiveFrom,
  vocabularyVersion,
  type VocabularyEntry,
} from '../domain/taxonomy/vocabularies.ts';

export function listVocabularies(): {
  version: string;
  effectiveFrom: string;
  vocabularies: Record<string, { code: string; label: string }[]>;
} {
  const vocabularies = Object.fromEntries(
    Object.entries(VOCABULARIES).map(([name, entries]: [string, readonly VocabularyEntry[]]) => [
      name,
      entries.map((e) => ({ code: e.code, label: e.label })),
    ]),
  );
  return { version: vocabularyVersion, effectiveFrom: vocabularyEffectiveFrom, vocabularies };
}
