import { describe, expect, it } from 'vitest';
import { errorText } from './error-text';

describe('errorText', () => {
  it('leaves an ordinary message alone, Korean included', () => {
    const plain = "Line 3: unknown type 'AAAAA'. 줄 3: 알 수 없는 유형";
    expect(errorText(plain)).toBe(plain);
  });

  it('names invisible and direction-changing characters by code point', () => {
    expect(errorText('character "\u202e" at 0 of \'\u202ewww\'')).toBe(
      'character "U+202E" at 0 of \'U+202Ewww\'',
    );
    expect(errorText('a\u0000b\u200bc\ufeffd\u2067e')).toBe('aU+0000bU+200BcU+FEFFdU+2067e');
    expect(errorText('lone \ud800 and \udc00, but 😀 is whole')).toBe(
      'lone U+D800 and U+DC00, but 😀 is whole',
    );
  });

  it('cuts long quotes and long messages', () => {
    const token = '9'.repeat(100_000);
    expect(errorText(`line 30: '${token}' is not an address`)).toBe(
      `line 30: '${'9'.repeat(40)}…' is not an address`,
    );
    const long = errorText('x'.repeat(1000));
    expect(long).toHaveLength(401);
    expect(long.endsWith('…')).toBe(true);
  });
});
