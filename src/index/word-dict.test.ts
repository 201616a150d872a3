import { describe, expect, it } from 'vitest';
import { scanWords } from './tokenize.ts';
import { WordDict } from './word-dict.ts';

/** Ids of the ASCII words of `text` through the allocation-free path. */
function asciiIds(dict: WordDict, text: string): number[] {
  const ids: number[] = [];
  scanWords(text, {
    ascii: (t, start, end, hash) => ids.push(dict.idOfAscii(t, start, end, hash)),
    other: (word) => ids.push(dict.idOf(word)),
  });
  return ids;
}

describe('WordDict', () => {
  it('gives one id per word whether looked up by string or by scanned characters', () => {
    const dict = new WordDict();
    const [azure, Azure, data, azure2] = asciiIds(dict, 'azure AZURE Data azure');
    expect(Azure).toBe(azure);
    expect(azure2).toBe(azure);
    expect(dict.find('azure')).toBe(azure);
    expect(dict.find('data')).toBe(data);
    expect(dict.idOf('data')).toBe(data);
    expect(dict.find('missing')).toBe(-1);
    expect(dict.words[azure!]).toBe('azure');
  });

  it('folds non-ASCII words to the same id as their ASCII spelling', () => {
    const dict = new WordDict();
    const [zurich] = asciiIds(dict, 'Zürich');
    expect(asciiIds(dict, 'zurich')).toEqual([zurich]);
  });

  it('flags stop words and keeps ids stable while the table grows', () => {
    const dict = new WordDict();
    expect(dict.isStop(dict.find('the'))).toBe(true);
    expect(dict.isStop(dict.idOf('theory'))).toBe(false);
    const ids = Array.from({ length: 5000 }, (_, i) => dict.idOf(`word${i}`));
    expect(new Set(ids).size).toBe(5000);
    ids.forEach((id, i) => expect(dict.find(`word${i}`)).toBe(id));
    expect(asciiIds(dict, 'WORD4999 word17')).toEqual([ids[4999], ids[17]]);
  });
});
