// The words of an org with their field-weighted term frequency (name > skills > description).
import type { IndexedOrg } from '../domain/directory/directory-query.ts';
import { FIELD_WEIGHT, MAX_WEIGHTED_TF } from './scoring.ts';
import { forEachWord } from './tokenize.ts';

/** Fills `into` (cleared first) with word -> weighted term frequency. */
export function orgWords(org: IndexedOrg, into: Map<string, number>): Map<string, number> {
  into.clear();
  const add = (weight: number) => (word: string) => {
    into.set(word, Math.min(MAX_WEIGHTED_TF, (into.get(word) ?? 0) + weight));
  };
  forEachWord(org.name, add(FIELD_WEIGHT.name));
  const skill = add(FIELD_WEIGHT.skills);
  for (const s of org.skills) forEachWord(s, skill);
  forEachWord(org.description, add(FIELD_WEIGHT.description));
  return into;
}
