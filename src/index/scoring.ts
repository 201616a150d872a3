// Relevance: a BM25-like score without length normalisation. Each field occurrence of a word
// counts with its field's weight (name > skills > description); the weighted count saturates
// (K1), and rarer words weigh more (idf). Scores are integers (x1000, rounded) so they add up
// exactly in any order, compare exactly, and travel in a cursor without rounding drift.

export const FIELD_WEIGHT = { name: 3, skills: 2, description: 1 } as const;

/** Weighted term frequencies are stored in one byte. */
export const MAX_WEIGHTED_TF = 255;

const K1 = 1.2;

/** Saturation of a weighted term frequency: tf * (K1 + 1) / (tf + K1). */
export function saturate(weightedTf: number): number {
  return (weightedTf * (K1 + 1)) / (weightedTf + K1);
}

export const SATURATION: Float64Array = Float64Array.from(
  { length: MAX_WEIGHTED_TF + 1 },
  (_, tf) => saturate(tf),
);

/** Inverse document frequency among `liveDocs` documents, `docFreq` of which have the word. */
export function idf(docFreq: number, liveDocs: number): number {
  return Math.log(1 + (liveDocs - docFreq + 0.5) / (docFreq + 0.5));
}

/** The integer score one word adds for one document. */
export function wordScore(idfScaled: number, weightedTf: number): number {
  return Math.round(idfScaled * SATURATION[weightedTf]!);
}

/** idf scaled to the integer score unit. */
export function scaledIdf(docFreq: number, liveDocs: number): number {
  return 1000 * idf(docFreq, liveDocs);
}
