import { describe, expect, it } from 'vitest';
import { decodeMessage } from '../../../engine/dns/codec';
import { decodeTlsRecords } from '../../../engine/tls/decode';
import { runTlsExchange } from '../../../engine/scenarios/tls-run';
import { toHex } from '../../../engine/bytes/hex';
import { spanValueText } from '../../../i18n/span-value';
import { SPAN_VALUE_TEXT_EN } from '../../../i18n/span-values.en';
import { SPAN_VALUE_TEXT_KO } from '../../../i18n/span-values.ko';
import {
  MAX_DECODE_BYTES,
  MAX_DECODE_CHARS,
  decodeHex,
  hexDigits,
  looksLikeTls,
  visibleChar,
} from './decode';

const decoders = { tls: decodeTlsRecords, dns: decodeMessage };

/** A query for www.example.com A, RD set, ID 0x1234, written out by RFC 1035, Section 4.1. */
const DNS_QUERY =
  '1234 0100 0001 0000 0000 0000' + // header: id, flags (RD), QDCOUNT 1
  ' 03 777777 07 6578616d706c65 03 636f6d 00' + // www.example.com.
  ' 0001 0001'; // QTYPE A, QCLASS IN

describe('hexDigits', () => {
  it('keeps only the byte columns of a Wireshark hex dump', () => {
    const dump = [
      '0000   16 03 01 00 05 01 00 00  01 00                    ..........',
      '000a   ab cd                                             ..',
    ].join('\n');
    expect(hexDigits(dump)).toEqual({ digits: '16030100050100000100abcd' });
  });

  it('reads a plain stream with spaces, colons and 0x prefixes', () => {
    expect(hexDigits('0x16:03 01\n00 05')).toEqual({ digits: '1603010005' });
  });

  it('names the line and column of a character that is not hex', () => {
    expect(hexDigits('16 03\n01 zz')).toEqual({ bad: { char: 'z', line: 2, column: 4 } });
  });
});

describe('decodeHex', () => {
  it('detects a DNS message and annotates its header and question', () => {
    const result = decodeHex(DNS_QUERY, 'auto', decoders);
    expect(result.kind).toBe('ok');
    if (result.kind !== 'ok') return;
    expect(result.protocol).toBe('dns');
    expect(result.bytes.length).toBe(33);
    expect(result.spans.map((s) => s.name)).toEqual(['header', 'question']);
  });

  it('detects TLS records: a real ClientHello and ServerHello from the engine', async () => {
    const run = await runTlsExchange({ seed: 1 });
    const hex = toHex(run.flows[0]!.bytes) + toHex(run.flows[1]!.bytes);
    expect(looksLikeTls(run.flows[0]!.bytes)).toBe(true);
    const result = decodeHex(hex, 'auto', decoders);
    expect(result.kind).toBe('ok');
    if (result.kind !== 'ok') return;
    expect(result.protocol).toBe('tls');
    expect(result.spans).toHaveLength(2);
    const record = result.spans[0]!.value!;
    expect(spanValueText(SPAN_VALUE_TEXT_EN, record)).toMatch(
      /^handshake: ClientHello TLS 1\.2, \d+ cipher suites, \d+ extensions, SNI /,
    );
    // The same value on a Korean screen: the counts in Korean words, the names as they are.
    expect(spanValueText(SPAN_VALUE_TEXT_KO, record)).toMatch(
      /^handshake: ClientHello TLS 1\.2, 암호 스위트 \d+개, 확장 \d+개, SNI /,
    );
  });

  it('points at the byte offset where a record stops making sense', async () => {
    const run = await runTlsExchange({ seed: 1 });
    // Cut the ClientHello short: its record says more bytes follow than there are.
    const cut = run.flows[0]!.bytes.subarray(0, 40);
    const result = decodeHex(toHex(cut), 'auto', decoders);
    expect(result.kind).toBe('error');
    if (result.kind !== 'error') return;
    expect(result.protocol).toBe('tls');
    expect(result.offset).toBeGreaterThan(0);
    expect(result.offset).toBeLessThanOrEqual(40);
  });

  it('decodes as the protocol asked for, even when the bytes look like the other', () => {
    const result = decodeHex(DNS_QUERY, 'tls', decoders);
    expect(result.kind).toBe('error');
    if (result.kind === 'error') expect(result.protocol).toBe('tls');
  });

  it('refuses more than 64 KiB, an odd number of digits, and nothing at all', () => {
    expect(decodeHex('00'.repeat(MAX_DECODE_BYTES + 1), 'auto', decoders)).toEqual({
      kind: 'too-large',
      bytes: MAX_DECODE_BYTES + 1,
    });
    expect(decodeHex('123', 'auto', decoders)).toEqual({ kind: 'odd-digits', digits: 3 });
    expect(decodeHex('  \n ', 'auto', decoders)).toEqual({ kind: 'empty' });
  });

  it('refuses text over five characters a byte before reading it, saying how long it is', () => {
    expect(MAX_DECODE_CHARS).toBe(5 * MAX_DECODE_BYTES);
    expect(decodeHex(' '.repeat(MAX_DECODE_CHARS + 1), 'auto', decoders)).toEqual({
      kind: 'too-long',
      chars: MAX_DECODE_CHARS + 1,
    });
    // 64 KiB as Wireshark's hex dump (offset, 16 bytes, ASCII column) is under the cap.
    const line = (i: number) =>
      `${(i * 16).toString(16).padStart(4, '0')}  ${'00 '.repeat(8)} ${'00 '.repeat(8)}  ................`;
    const dump = Array.from({ length: MAX_DECODE_BYTES / 16 }, (_, i) => line(i)).join('\n');
    expect(dump.length).toBeLessThanOrEqual(MAX_DECODE_CHARS);
    expect(decodeHex(dump, 'dns', decoders).kind).toBe('error');
  });

  it('names a character that is not hex by its code point unless it is printable ASCII', () => {
    const bad = (text: string) => {
      const r = decodeHex(text, 'auto', decoders);
      return r.kind === 'bad-char' ? { ...r, shown: visibleChar(r.char) } : r.kind;
    };
    expect(bad('16 03 zz')).toEqual({
      kind: 'bad-char',
      char: 'z',
      line: 1,
      column: 7,
      shown: 'z',
    });
    expect(bad('16\n03 \u0000')).toMatchObject({ line: 2, column: 4, shown: 'U+0000' });
    expect(bad('\u202e1603')).toMatchObject({ shown: 'U+202E' });
    expect(bad('16😀')).toMatchObject({ char: '😀', shown: 'U+1F600' });
    expect(bad('16\ud800')).toMatchObject({ shown: 'U+D800' });
    expect(bad('<img src=x onerror=alert(1)>')).toMatchObject({ shown: '<', column: 1 });
  });

  it('accepts exactly 64 KiB (and reports the decoder error, not the cap)', () => {
    const result = decodeHex('00'.repeat(MAX_DECODE_BYTES), 'dns', decoders);
    expect(result.kind).toBe('error');
  });
});
