import { describe, expect, it } from 'vitest';
import { TCP_ACK, TCP_SYN, type TransportPacket } from './packets';
import { arrivalOf, reassemble } from './tcp';

function segment(seq: number, text: string, time: number, flags = TCP_ACK): TransportPacket {
  return {
    protocol: 'tcp',
    src: '127.0.0.1',
    dst: '127.0.0.1',
    srcPort: 40000,
    dstPort: 443,
    seq: seq >>> 0,
    flags,
    time,
    frame: time,
    payload: new TextEncoder().encode(text),
  };
}

const text = (b: Uint8Array) => new TextDecoder().decode(b);

describe('TCP reassembly', () => {
  // The initial sequence number sits just below 2^32, so the stream wraps (RFC 9293, 3.4).
  const isn = 0xfffffffd;

  it('orders out-of-order segments and takes retransmitted bytes once', () => {
    const s = reassemble([
      segment(isn, '', 1, TCP_SYN),
      segment(isn + 6, 'world', 2),
      segment(isn + 1, 'hello', 3),
      segment(isn + 1, 'hello', 4),
      segment(isn + 4, 'lowor', 5),
      segment(isn + 11, '!', 6),
    ]);
    expect(text(s.bytes)).toBe('helloworld!');
    expect(s.gapAt).toBeUndefined();
    // "world" arrived before "hello": the first ten bytes were all there at time 3.
    expect(arrivalOf(s, 0, 10)).toBe(3);
    expect(arrivalOf(s, 0, 11)).toBe(6);
  });

  it('stops at a hole and says where', () => {
    const s = reassemble([
      segment(isn, '', 1, TCP_SYN),
      segment(isn + 1, 'abc', 2),
      segment(isn + 7, 'xyz', 3),
    ]);
    expect(text(s.bytes)).toBe('abc');
    expect(s.gapAt).toBe(3);
  });

  it('starts at the lowest sequence number when the capture missed the SYN', () => {
    const s = reassemble([segment(isn + 4, 'def', 1), segment(isn + 1, 'abc', 2)]);
    expect(text(s.bytes)).toBe('abcdef');
  });
});
