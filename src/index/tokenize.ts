// Words for the text index and for queries: lowercase runs of Unicode letters and digits, accents
// folded (so "Müller" finds "muller"), single characters and short English stop words dropped.

const STOP_WORDS: ReadonlySet<string> = new Set([
  'an', 'and', 'are', 'as', 'at', 'be', 'by', 'for', 'from', 'has', 'in', 'is', 'of', 'on',
  'or', 'our', 'the', 'to', 'we', 'with', 'you', 'your',
]);

const WORD = /[\p{L}\p{N}]+/gu;
const NON_ASCII = /[\u0080-\uffff]/;
const MARKS = /\p{M}+/gu;

function fold(text: string): string {
  const lower = text.toLowerCase();
  return NON_ASCII.test(lower) ? lower.normalize('NFD').replace(MARKS, '').normalize('NFC') : lower;
}

/** The index words of `text`, in order, duplicates kept. */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const m of fold(text).matchAll(WORD)) {
    const word = m[0];
    if (word.length > 1 && !STOP_WORDS.has(word)) out.push(word);
  }
  return out;
}
