/** TCP control segments as trace events: names, fields read back from real bytes, spans. */
import { describe, expect, it } from 'vitest';
import {
  controlSegmentEvent,
  readTcpHeader,
  tcpFlagList,
  tcpSegmentName,
} from '../../src/engine/scenarios/journey';
import { TcpFlags, encodeTcp, internetChecksum, parseIpv4 } from '../../src/engine/sim/packets';

const client = { ip: '192.0.2.200', port: 50000 };
const server = { ip: '203.0.113.80', port: 443 };

describe('TCP segment names', () => {
  it('names control segments the way captures do', () => {
    expect(tcpSegmentName(TcpFlags.SYN)).toBe('SYN');
    expect(tcpSegmentName(TcpFlags.SYN | TcpFlags.ACK)).toBe('SYN-ACK');
    expect(tcpSegmentName(TcpFlags.ACK)).toBe('ACK');
    expect(tcpSegmentName(TcpFlags.FIN | TcpFlags.ACK)).toBe('FIN-ACK');
    expect(tcpSegmentName(TcpFlags.RST)).toBe('RST');
    expect(tcpFlagList(TcpFlags.FIN | TcpFlags.PSH | TcpFlags.ACK)).toEqual(['FIN', 'PSH', 'ACK']);
  });
});

describe('readTcpHeader', () => {
  it('reads back what encodeTcp wrote, with one span per field tiling the 20 bytes', () => {
    const segment = encodeTcp({
      src: client,
      dst: server,
      seq: 0xfffffffe,
      ack: 7,
      flags: TcpFlags.SYN | TcpFlags.ACK,
      window: 1000,
      payload: new Uint8Array(0),
    });
    const { spans, fields } = readTcpHeader(segment);
    expect(fields).toMatchObject({
      sourcePort: 50000,
      destinationPort: 443,
      seq: 0xfffffffe,
      ack: 7,
      flags: ['SYN', 'ACK'],
      window: 1000,
      headerBytes: 20,
    });
    let offset = 0;
    for (const span of spans) {
      expect(span.offset).toBe(offset);
      offset += span.length;
    }
    expect(offset).toBe(20);
    expect(spans.map((s) => s.explain)).toEqual([
      'tcp.source_port',
      'tcp.destination_port',
      'tcp.sequence_number',
      'tcp.acknowledgment_number',
      'tcp.data_offset',
      'tcp.flags',
      'tcp.window',
      'tcp.checksum',
      'tcp.urgent_pointer',
    ]);
  });

  it('rejects a segment with bytes after the header', () => {
    expect(() => readTcpHeader(new Uint8Array(21))).toThrow();
  });
});

describe('controlSegmentEvent', () => {
  it('is a tcp message whose checksum covers the two addresses (RFC 9293, Section 3.1)', () => {
    const event = controlSegmentEvent(
      5,
      { from: 'Browser', to: 'Server' },
      { src: client, dst: server, seq: 1, ack: 0, flags: TcpFlags.SYN },
      true,
    );
    expect(event).toMatchObject({
      kind: 'message',
      protocol: 'tcp',
      name: 'SYN',
      t: 5,
      dropped: true,
      decoded: { source: '192.0.2.200:50000', destination: '203.0.113.80:443', flags: ['SYN'] },
    });
    const pseudo = Uint8Array.from([
      ...parseIpv4(client.ip),
      ...parseIpv4(server.ip),
      0,
      6,
      0,
      event.bytes.length,
    ]);
    expect(internetChecksum(pseudo, event.bytes)).toBe(0);
  });
});
