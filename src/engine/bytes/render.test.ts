import { describe, expect, it } from 'vitest';
import { fromHex } from './hex';
import { renderSpanTree } from './render';
import type { Span } from './span';

const leaf = (name: string, offset: number, length: number, value?: string | number): Span => ({
  name,
  offset,
  length,
  ...(value === undefined ? {} : { value }),
  children: [],
});

describe('renderSpanTree', () => {
  const bytes = fromHex('16030300050102030405');
  const spans: Span[] = [
    {
      name: 'record',
      offset: 0,
      length: 10,
      value: 'handshake',
      children: [
        leaf('type', 0, 1, 'handshake (22)'),
        leaf('version', 1, 2, 'TLS 1.2 (0x0303)'),
        leaf('length', 3, 2, 5),
        {
          name: 'fragment',
          offset: 5,
          length: 5,
          children: [leaf('a', 5, 2), leaf('b', 8, 2, 'x\ny')],
        },
      ],
    },
  ];

  it('prints one indented line a field, hex on leaves, and marks bytes no span covers', () => {
    expect(renderSpanTree(spans, bytes, { maxHex: 2 })).toBe(
      [
        'record: handshake  [0+10]',
        '  type: handshake (22)  [0+1] 16',
        '  version: TLS 1.2 (0x0303)  [1+2] 0303',
        '  length: 5  [3+2] 0005',
        '  fragment  [5+5]',
        '    a  [5+2] 0102',
        '    (unannotated)  [7+1] 03',
        '    b: x\\x0ay  [8+2] 0405',
      ].join('\n'),
    );
  });

  it('elides long hex and reports trailing bytes outside every span', () => {
    const out = renderSpanTree([leaf('head', 0, 4)], bytes, { maxHex: 3 });
    expect(out).toBe(['head  [0+4] 160303…', '(unannotated)  [4+6] 050102…'].join('\n'));
  });

  it('prints nothing for nothing', () => {
    expect(renderSpanTree([], new Uint8Array(0))).toBe('');
  });
});
