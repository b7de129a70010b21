/**
 * `dns decode`: hostile messages get one line naming what is wrong and where (the offset), exit 1,
 * no stack trace; a well-formed response, from the argument or stdin, becomes the field tree.
 * (A response that nsd sent to dig is decoded in resolve-nsd.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { runCli, startCli, within } from './support/processes';

/** ID 0xabcd, RD, one question: www.example.com A IN (the name at offset 12). */
const QUERY_HEAD = 'abcd01000001000000000000';
const WWW_EXAMPLE_COM = '03777777076578616d706c6503636f6d00';

describe.concurrent('dns decode refuses hostile input in one line', () => {
  const cases: [string, string, RegExp][] = [
    [
      'a compression pointer that points at itself',
      `${QUERY_HEAD}c00c00010001`,
      /^error: FORMERR: compression pointer loop \(→ offset 12\) at offset 12\n$/,
    ],
    [
      'a pointer that points forward, the first step of a loop through two pointers',
      // The question name at 12 points to 14, which points back to 12.
      `${QUERY_HEAD}c00ec00c00010001`,
      /^error: FORMERR: compression pointer to offset 14 does not point before the name it continues \(offset 12\) at offset 12\n$/,
    ],
    ['a header cut short', 'abcd0100', /^error: FORMERR: truncated: .* at offset 4\n$/],
    [
      'a label that runs past the end',
      `${QUERY_HEAD}3f414243`,
      /^error: FORMERR: truncated: .*63 bytes but 3 are left at offset 13\n$/,
    ],
    [
      'an RDLENGTH longer than what is left',
      // A response with one answer whose RDLENGTH says 255 but 4 octets follow.
      `abcd81800001000100000000${WWW_EXAMPLE_COM}00010001c00c000100010000012c00ffc0000250`,
      /^error: FORMERR: truncated: rdlength 255 but 4 bytes are left at offset 43\n$/,
    ],
    [
      'bytes after the last record',
      `${QUERY_HEAD}${WWW_EXAMPLE_COM}00010001ff`,
      /^error: FORMERR: .* at offset 33\n$/,
    ],
  ];
  for (const [title, hex, expected] of cases) {
    it(title, async () => {
      const { code, stdout, stderr } = await runCli(['dns', 'decode', hex]);
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(stderr).toMatch(expected);
    });
  }

  it('more than 64 KiB of hex, or more text than 64 KiB can take, on stdin', async () => {
    const decodeStdin = async (text: string) => {
      const child = startCli(['dns', 'decode', '-']);
      // The CLI stops reading at the cap and exits, so the rest of the write may meet EPIPE.
      child.process.stdin!.on('error', () => undefined);
      child.process.stdin!.end(text);
      const code = await within(child.exited, 'dns decode -');
      return { code, stdout: child.stdout(), stderr: child.stderr() };
    };
    expect(await decodeStdin('00 '.repeat(65_537))).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'error: bad hex input: The pasted hex is 65537 bytes; at most 65536 (64 KiB) are decoded.\n',
    });
    expect(await decodeStdin(' '.repeat(1 << 20))).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'error: bad hex input: more than 327680 characters on stdin; at most 65536 bytes (64 KiB) are decoded\n',
    });
  });

  it('input that is not hex', async () => {
    const { code, stdout, stderr } = await runCli(['dns', 'decode', 'abcz']);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.split('\n')).toEqual([expect.stringMatching(/^error: bad hex input: /), '']);
  });
});

describe('dns decode explains a well-formed message', () => {
  it('reads hex from stdin and prints the annotated tree', async () => {
    const response = `abcd81800001000100000000${WWW_EXAMPLE_COM}00010001c00c000100010000012c0004c0000250`;
    const child = startCli(['dns', 'decode', '-']);
    child.process.stdin!.end(`${response}\n`);
    const code = await within(child.exited, 'dns decode -');
    expect(child.stderr()).toBe('');
    expect(code).toBe(0);
    const tree = child.stdout().split('\n');
    expect(tree[0]).toBe('header: id 0xabcd, response, QUERY, NOERROR, RD RA  [0+12]');
    expect(tree).toContain('question: www.example.com. A  [12+21]');
    expect(tree).toContain('answer: www.example.com. 300 IN A 192.0.2.80  [33+16]');
    expect(tree).toContain('    pointer: → offset 12 (www.example.com.)  [33+2] c00c');
    expect(tree).toContain('  ttl: 300 (5m)  [39+4] 0000012c');
    expect(tree).toContain('    address: 192.0.2.80  [45+4] c0000250');
    expect(child.stdout()).not.toContain('(unannotated)');
  });
});
