// Words for the text index and for queries: lowercase runs of Unicode letters and digits, accents
// folded (so "Müller" finds "muller"), single characters and short English stop words dropped.
// A hand-written scanner rather than a regex: building the index tokenizes 500,000 profiles.

const STOP_WORDS: ReadonlySet<string> = new Set(
  'an and are as at be by for from has in is of on or our the to we with you your'.split(' '),
);

/** ASCII letters and digits, after lowercasing. */
const ASCII_WORD = Uint8Array.from({ length: 128 }, (_, c) =>
  (c >= 97 && c <= 122) || (c >= 48 && c <= 57) ? 1 : 0,
);
// Marks belong to the word so that decomposed accents ("e" + U+0301) fold away with it.
const WORD_CHAR = /^[\p{L}\p{N}\p{M}]$/u;
const MARKS = /\p{M}+/gu;

function wordCharLength(text: string, i: number, code: number): number {
  if (code < 128) return ASCII_WORD[code]!;
  const isHigh = code >= 0xd800 && code <= 0xdbff;
  const char = isHigh ? String.fromCodePoint(text.codePointAt(i)!) : text[i]!;
  return WORD_CHAR.test(char) ? char.length : 0;
}

function foldWord(word: string): string {
  return word.normalize('NFD').replace(MARKS, '').normalize('NFC');
}

/** Calls `visit` with each index word of `text`, in order, duplicates included. */
export function forEachWord(text: string, visit: (word: string) => void): void {
  const lower = text.toLowerCase();
  const length = lower.length;
  let i = 0;
  while (i < length) {
    let code = lower.charCodeAt(i);
    let step = wordCharLength(lower, i, code);
    if (step === 0) {
      i++;
      continue;
    }
    const start = i;
    let ascii = true;
    while (step > 0) {
      if (code >= 128) ascii = false;
      i += step;
      if (i >= length) break;
      code = lower.charCodeAt(i);
      step = wordCharLength(lower, i, code);
    }
    const word = ascii ? lower.slice(start, i) : foldWord(lower.slice(start, i));
    if (word.length > 1 && !STOP_WORDS.has(word)) visit(word);
  }
}

/** The index words of `text`, in order, duplicates kept. */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  forEachWord(text, (word) => out.push(word));
  return out;
}
