// Words for the text index and for queries: lowercase runs of Unicode letters and digits, accents
// folded (so "Müller" finds "muller"), single characters and short English stop words dropped.
// A hand-written scanner rather than a regex: building the index tokenizes 500,000 profiles, and
// ASCII words are handed over as (start, end, hash) so the index can look them up without
// allocating a string.

export const STOP_WORDS: readonly string[] =
  'an and are as at be by for from has in is of on or our the to we with you your'.split(' ');
const STOP = new Set(STOP_WORDS);

/** 1 for ASCII letters and digits. */
const ASCII_WORD = Uint8Array.from({ length: 128 }, (_, c) =>
  (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) ? 1 : 0,
);
// Marks belong to the word so that decomposed accents ("e" + U+0301) fold away with it.
const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;
const MARKS = /\p{M}+/gu;

/** Length of the word character at i (0: not a word character). */
function wordCharLength(text: string, i: number, code: number): number {
  if (code < 128) return ASCII_WORD[code]!;
  const isHigh = code >= 0xd800 && code <= 0xdbff;
  const char = isHigh ? String.fromCodePoint(text.codePointAt(i)!) : text[i]!;
  return WORD_CHAR.test(char) ? char.length : 0;
}

const FOLD_CACHE_MAX = 4096;
// Non-ASCII words repeat (place names): normalizing is slow enough to be worth remembering.
const folded = new Map<string, string>();

export function foldWord(raw: string): string {
  let word = folded.get(raw);
  if (word === undefined) {
    word = raw.toLowerCase().normalize('NFD').replace(MARKS, '').normalize('NFC');
    if (folded.size >= FOLD_CACHE_MAX) folded.clear();
    folded.set(raw, word);
  }
  return word;
}

/** Lowercased code of ASCII letters and digits, 0 for other ASCII characters. */
export const ASCII_LOWER = Uint8Array.from({ length: 128 }, (_, c) =>
  ASCII_WORD[c] === 0 ? 0 : c >= 65 && c <= 90 ? c + 32 : c,
);

/** FNV-1a step over a lowercased ASCII code. */
export const hashStep = (hash: number, code: number): number => Math.imul(hash ^ code, 16777619);
export const HASH_SEED = 2166136261 | 0;

export interface WordSink {
  /** An all-ASCII word at text[start, end), lowercased hash `hash` (not yet length or stop checked). */
  ascii(text: string, start: number, end: number, hash: number): void;
  /** Any other word, already lowercased and folded (not yet length or stop checked). */
  other(word: string): void;
}

/** Feeds every word of `text` to `sink`, in order. */
export function scanWords(text: string, sink: WordSink): void {
  const length = text.length;
  let i = 0;
  while (i < length) {
    let code = text.charCodeAt(i);
    if (code < 128 && ASCII_WORD[code] === 0) {
      i++;
      continue;
    }
    const start = i;
    let hash = HASH_SEED;
    while (i < length && code < 128 && ASCII_WORD[code] === 1) {
      hash = hashStep(hash, code >= 65 && code <= 90 ? code + 32 : code);
      code = text.charCodeAt(++i);
    }
    if (i >= length || code < 128) {
      if (i > start) sink.ascii(text, start, i, hash);
      continue;
    }
    i = finishWord(text, start, i, code, sink);
  }
}

/**
 * The slow end of a word that met a non-ASCII character: text[start, i) were ASCII word
 * characters, `code` is the character at i. Feeds the word to `sink`; returns where to go on.
 */
export function finishWord(
  text: string,
  start: number,
  i: number,
  code: number,
  sink: WordSink,
): number {
  const length = text.length;
  let step = wordCharLength(text, i, code);
  while (step > 0) {
    i += step;
    if (i >= length) break;
    code = text.charCodeAt(i);
    step = wordCharLength(text, i, code);
  }
  if (i === start) return i + 1;
  sink.other(foldWord(text.slice(start, i)));
  return i;
}

/** Whether a lowercased word is indexed (not a single character, not a stop word). */
export function isIndexWord(word: string): boolean {
  return word.length > 1 && !STOP.has(word);
}

/** The index words of `text`, in order, duplicates kept. */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  scanWords(text, {
    ascii: (t, start, end) => {
      const word = t.slice(start, end).toLowerCase();
      if (isIndexWord(word)) out.push(word);
    },
    other: (word) => {
      if (isIndexWord(word)) out.push(word);
    },
  });
  return out;
}
