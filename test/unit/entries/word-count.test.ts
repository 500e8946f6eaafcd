import fc from 'fast-check';
import { countWords } from '../../../shared/domain/entries/word-count.js';

describe('countWords', () => {
  it('counts runs of non-space characters, as a person would', () => {
    expect(countWords('')).toBe(0);
    expect(countWords('   ')).toBe(0);
    expect(countWords('one')).toBe(1);
    expect(countWords('  two\twords\n')).toBe(2);
    expect(countWords('well-being co-ordination')).toBe(2);
    expect(countWords('Gofal iechyd 🏥 gwell')).toBe(4);
    expect(countWords('non\u00a0breaking space')).toBe(3);
  });

  it('counts n words joined by any spacing as n', () => {
    const word = fc.stringMatching(/^[^\s]{1,12}$/u);
    const gap = fc.constantFrom(' ', '  ', '\t', '\n', '\u2003', '\u00a0 ');
    fc.assert(
      fc.property(fc.array(word, { maxLength: 40 }), gap, (words, space) => {
        expect(countWords(words.join(space))).toBe(words.length);
      }),
    );
  });
});
