import { describe, expect, it } from 'vitest';
import { utf8 } from '../bytes';
import {
  CHECKSUM_ARGS,
  tsharkCount,
  tsharkFields,
  tsharkMalformedCount,
  writeTempFile,
} from '../../../test/helpers/tshark';
import { DEMO_EPOCH_MS } from './clock';
import { Ipv4IdCounter, TcpFlags } from './packets';
import { PcapWriter } from './pcap';
import { TCP_MSS, TcpConversation, udpDatagram } from './tcp-conversation';

const client = { ip: '192.0.2.10', port: 51000 };
const server = { ip: '203.0.113.80', port: 80 };
const { SYN, ACK, FIN, PSH } = TcpFlags;

function summary(conv: TcpConversation): [string, number, number, number, number][] {
  return conv.segments.map((s) => [s.from, s.flags, s.seq, s.ack, s.payloadLength]);
}

const GET = utf8(
  'GET /index.html HTTP/1.1\r\nHost: www.example.com\r\nUser-Agent: wirestep\r\n\r\n',
);

function okResponse(body: string): Uint8Array {
  return utf8(
    `HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: ${utf8(body).length}\r\n\r\n${body}`,
  );
}

describe('TcpConversation numbering', () => {
  it('numbers a handshake, a request, a response and a close (SYN and FIN consume one each)', () => {
    const conv = new TcpConversation({ client, server, clientIsn: 1000, serverIsn: 5000 });
    conv.open(0);
    conv.send(1, 'client', new Uint8Array(10));
    conv.send(2, 'server', new Uint8Array(20));
    conv.close(3, 'client');
    expect(summary(conv)).toEqual([
      ['client', SYN, 1000, 0, 0],
      ['server', SYN | ACK, 5000, 1001, 0],
      ['client', ACK, 1001, 5001, 0],
      ['client', PSH | ACK, 1001, 5001, 10],
      ['server', ACK, 5001, 1011, 0],
      ['server', PSH | ACK, 5001, 1011, 20],
      ['client', ACK, 1011, 5021, 0],
      ['client', FIN | ACK, 1011, 5021, 0],
      ['server', FIN | ACK, 5021, 1012, 0],
      ['client', ACK, 1012, 5022, 0],
    ]);
  });

  it('wraps sequence numbers modulo 2^32', () => {
    const conv = new TcpConversation({
      client,
      server,
      clientIsn: 0xffffffff,
      serverIsn: 0xfffffff0,
    });
    conv.open(0);
    conv.send(0, 'server', new Uint8Array(20));
    expect(summary(conv)).toEqual([
      ['client', SYN, 0xffffffff, 0, 0],
      ['server', SYN | ACK, 0xfffffff0, 0, 0],
      ['client', ACK, 0, 0xfffffff1, 0],
      ['server', PSH | ACK, 0xfffffff1, 0, 20],
      ['client', ACK, 0, 5, 0],
    ]);
  });

  it('splits a payload over the MSS, PSH on the last segment, the peer ACKing every second one', () => {
    const conv = new TcpConversation({ client, server, clientIsn: 0, serverIsn: 100 });
    conv.open(0);
    conv.send(1, 'server', new Uint8Array(3 * TCP_MSS + 1));
    expect(summary(conv).slice(3)).toEqual([
      ['server', ACK, 101, 1, 1460],
      ['server', ACK, 1561, 1, 1460],
      ['client', ACK, 1, 3021, 0],
      ['server', ACK, 3021, 1, 1460],
      ['server', PSH | ACK, 4481, 1, 1],
      ['client', ACK, 1, 4482, 0],
    ]);
  });

  it('puts ACKs that arrive later after the data they acknowledge', () => {
    const conv = new TcpConversation({ client, server, clientIsn: 0, serverIsn: 0 });
    conv.open(0, 10, 10);
    conv.send(20, 'server', new Uint8Array(2 * TCP_MSS + 5), 30);
    expect(conv.segments.slice(3).map((s) => [s.t, s.from, s.ack])).toEqual([
      [20, 'server', 1],
      [20, 'server', 1],
      [20, 'server', 1],
      [30, 'client', 2921],
      [30, 'client', 2926],
    ]);
  });

  it('refuses time going backwards, use before open or after close, and empty sends', () => {
    const conv = new TcpConversation({ client, server, clientIsn: 0, serverIsn: 0 });
    expect(() => conv.send(0, 'client', new Uint8Array(1))).toThrow(/is new/);
    conv.open(10);
    expect(() => conv.open(10)).toThrow(/cannot open a connection that is open/);
    expect(() => conv.send(9, 'client', new Uint8Array(1))).toThrow(RangeError);
    expect(() => conv.send(12, 'client', new Uint8Array(1), 11)).toThrow(RangeError);
    expect(() => conv.send(12, 'client', new Uint8Array(0))).toThrow(/empty/);
    conv.close(12, 'server');
    expect(() => conv.send(13, 'client', new Uint8Array(1))).toThrow(/closed/);
    expect(() => new TcpConversation({ client, server, clientIsn: -1, serverIsn: 0 })).toThrow(
      RangeError,
    );
  });
});

describe('TcpConversation in tshark', () => {
  /** An HTTP exchange whose response spans several segments, plus a DNS lookup before it. */
  function capture(body: string): string {
    const pcap = new PcapWriter();
    const ids = new Ipv4IdCounter(0x1000);
    const t0 = DEMO_EPOCH_MS;
    // ISNs near 2^32 so the capture also checks wraparound in Wireshark's analysis.
    const conv = new TcpConversation({
      client,
      server,
      clientIsn: 0xfffffc00,
      serverIsn: 0x7ffffff0,
      ipIds: ids,
    });
    conv.open(t0 + 10, t0 + 20, t0 + 30);
    conv.send(t0 + 30, 'client', GET, t0 + 40);
    conv.send(t0 + 45, 'server', okResponse(body), t0 + 55);
    conv.close(t0 + 60, 'server', t0 + 70, t0 + 80);
    conv.writeTo(pcap);
    // Added after the conversation but earlier in time: the file must still be in time order.
    udpDatagram(
      pcap,
      t0,
      { ip: client.ip, port: 53001 },
      { ip: '192.0.2.53', port: 53 },
      new Uint8Array(12),
      ids,
    );
    return writeTempFile('http.pcap', pcap.toBytes());
  }

  it('decodes GET and 200 with no analysis flags, good checksums and nothing malformed', async () => {
    const file = capture('hello from wirestep');
    expect(
      await tsharkFields(file, ['http.request.method', 'http.request.uri'], {
        filter: 'http.request',
      }),
    ).toEqual([['GET', '/index.html']]);
    expect(
      await tsharkFields(file, ['http.response.code', 'http.file_data'], {
        filter: 'http.response',
      }),
    ).toEqual([['200', 'hello from wirestep']]);
    expect(await tsharkCount(file, 'http.request.method == "GET"')).toBe(1);
    expect(await tsharkCount(file, 'http.response.code == 200')).toBe(1);
    expect(await tsharkCount(file, 'tcp')).toBe(10);
    expect(await tsharkCount(file, 'tcp.analysis.flags')).toBe(0);
    expect(await tsharkCount(file, 'tcp.analysis.ack_rtt')).toBeGreaterThan(0);

    const statuses = await tsharkFields(
      file,
      ['ip.checksum.status', 'tcp.checksum.status', 'udp.checksum.status'],
      {
        extraArgs: CHECKSUM_ARGS,
      },
    );
    expect(statuses).toHaveLength(11);
    // The UDP datagram comes first (it is earliest); then the ten TCP segments. 1 is "Good".
    expect(statuses[0]).toEqual(['1', '', '1']);
    for (const row of statuses.slice(1)) expect(row).toEqual(['1', '1', '']);
    expect(await tsharkMalformedCount(file, CHECKSUM_ARGS)).toBe(0);
  });

  it('lets tshark flag a segment sent twice, so the zero counts above can fail', async () => {
    const pcap = new PcapWriter();
    const conv = new TcpConversation({ client, server, clientIsn: 1, serverIsn: 2 });
    conv.open(0);
    conv.send(1, 'client', GET);
    conv.writeTo(pcap);
    pcap.addPacket(2, conv.segments[3]!.frame);
    const file = writeTempFile('retransmission.pcap', pcap.toBytes());
    expect(
      await tsharkFields(file, ['frame.number'], { filter: 'tcp.analysis.retransmission' }),
    ).toEqual([['6']]);
  });

  it('reassembles a response split over the MSS', async () => {
    const body = 'x'.repeat(5000);
    const response = okResponse(body);
    const file = capture(body);
    const rows = await tsharkFields(
      file,
      ['http.response.code', 'tcp.segment.count', 'tcp.reassembled.length'],
      {
        filter: 'http.response',
      },
    );
    expect(rows).toEqual([
      ['200', String(Math.ceil(response.length / TCP_MSS)), String(response.length)],
    ]);
    expect(rows[0]![1]).toBe('4');
    expect(await tsharkCount(file, 'tcp.len == 1460')).toBe(3);
    expect(await tsharkCount(file, 'tcp.analysis.flags')).toBe(0);
    expect(await tsharkMalformedCount(file, CHECKSUM_ARGS)).toBe(0);
  });
});
