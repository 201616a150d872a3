// The words of an org with their field-weighted term frequency (name > skills > description).
import type { IndexedOrg } from '../domain/directory/directory-query.ts';
import { FIELD_WEIGHT, MAX_WEIGHTED_TF } from './scoring.ts';
import { tokenize } from './tokenize.ts';

function addWords(into: Map<string, number>, text: string, weight: number): void {
  for (const word of tokenize(text)) {
    into.set(word, Math.min(MAX_WEIGHTED_TF, (into.get(word) ?? 0) + weight));
  }
}

export function orgWords(org: IndexedOrg): Map<string, number> {
  const words = new Map<string, number>();
  addWords(words, org.name, FIELD_WEIGHT.name);
  for (const skill of org.skills) addWords(words, skill, FIELD_WEIGHT.skills);
  addWords(words, org.description, FIELD_WEIGHT.description);
  return words;
}
