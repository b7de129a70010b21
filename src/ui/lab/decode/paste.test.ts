/**
 * Pastes as the real tools print them: test/fixtures/paste/ holds output of openssl s_client -msg,
 * tshark -x and xxd, captured on loopback (that folder's README says how). Each must decode to the
 * same bytes the tools saw on the wire.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeMessage } from '../../../engine/dns/codec';
import { decodeTlsRecords } from '../../../engine/tls/decode';
import { decodeHex, hexDigits } from './decode';
import { dumpFrames, opensslMsgDigits } from './paste';

const decoders = { tls: decodeTlsRecords, dns: decodeMessage };
const fixture = (name: string) =>
  readFileSync(new URL(`../../../../test/fixtures/paste/${name}`, import.meta.url), 'utf8');

describe('openssl s_client -msg', () => {
  const text = fixture('openssl-s_client-msg.txt');

  it('puts each message back in its record, as sent, and skips every other line', () => {
    const digits = opensslMsgDigits(text)!;
    // The ClientHello's record, byte for byte as tshark captured it on the same connection.
    expect(digits.startsWith(fixture('tshark-clienthello-payload.txt').trim())).toBe(true);
    // Twelve records: the client's ClientHello, ClientKeyExchange, ChangeCipherSpec, Finished
    // and close_notify; the server's five handshake messages from ServerHello to
    // NewSessionTicket, its ChangeCipherSpec (a header without content in the trace) and
    // Finished. The application data, shown as a header only, is left out.
    const result = decodeHex(text, 'tls', decoders);
    expect(result.kind).toBe('ok');
    if (result.kind !== 'ok') return;
    let records = 0;
    for (let at = 0; at < result.bytes.length; records++)
      at += 5 + ((result.bytes[at + 3]! << 8) | result.bytes[at + 4]!);
    expect(records).toBe(12);
    expect([...result.bytes.subarray(-7)]).toEqual([0x15, 0x03, 0x03, 0x00, 0x02, 0x01, 0x00]);
  });

  it('is read whole, with its header lines and the certificate, as TLS records', () => {
    const result = decodeHex(text, 'auto', decoders);
    expect(result.kind).toBe('ok');
    if (result.kind === 'ok') expect(result.protocol).toBe('tls');
  });
});

describe('tshark -x', () => {
  it('gives the TCP payload of a captured ClientHello frame', () => {
    const frames = dumpFrames(fixture('tshark-clienthello.txt'))!;
    expect(frames).toHaveLength(1);
    const payload = fixture('tshark-clienthello-payload.txt').trim();
    expect(hexDigits(fixture('tshark-clienthello.txt'))).toEqual({ digits: payload });
    expect(decodeHex(fixture('tshark-clienthello.txt'), 'auto', decoders).kind).toBe('ok');
  });

  it('reads a frame carrying four records (ServerHello to ServerHelloDone)', () => {
    const result = decodeHex(fixture('tshark-serverflight.txt'), 'auto', decoders);
    expect(result.kind).toBe('ok');
    if (result.kind !== 'ok') return;
    expect(result.protocol).toBe('tls');
    expect(result.bytes.length).toBe(1180);
  });

  it('gives the UDP payload of a captured DNS query, the same as xxd shows', () => {
    const result = decodeHex(fixture('tshark-dns-query.txt'), 'auto', decoders);
    expect(result.kind).toBe('ok');
    if (result.kind !== 'ok') return;
    expect(result.protocol).toBe('dns');
    const payload = fixture('tshark-dns-query-payload.txt').trim();
    expect(hexDigits(fixture('tshark-dns-query.txt'))).toEqual({ digits: payload });
  });
});

describe('xxd', () => {
  it('reads the byte groups and not the offsets or the text column', () => {
    // tshark -T fields -e udp.payload printed the same query's bytes as one hex string.
    const payload = fixture('tshark-dns-query-payload.txt').trim();
    expect(hexDigits(fixture('xxd-dns-query.txt'))).toEqual({ digits: payload });
    const hello = fixture('tshark-clienthello-payload.txt').trim();
    expect(hexDigits(fixture('xxd-clienthello.txt'))).toEqual({ digits: hello });
  });
});
