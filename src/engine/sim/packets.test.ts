import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../bytes';
import {
  CHECKSUM_ARGS,
  tsharkFields,
  tsharkMalformedCount,
  writeTempFile,
} from '../../../test/helpers/tshark';
import {
  Ipv4IdCounter,
  TcpFlags,
  encodeIpv4,
  encodeTcp,
  encodeUdp,
  internetChecksum,
  macForIpv4,
  parseIpv4,
  udpFrame,
} from './packets';
import { PcapWriter } from './pcap';
import { udpDatagram } from './tcp-conversation';

const resolver = { ip: '192.0.2.53', port: 53000 };
const server = { ip: '198.51.100.1', port: 53 };

/** A DNS query for example.com A, IN, with RD set, written out from RFC 1035, Section 4.1. */
const EXAMPLE_COM_QUERY = fromHex(
  [
    '1234', // ID
    '0100', // QR=0 query, OPCODE=0, RD=1
    '0001 0000 0000 0000', // QDCOUNT=1, ANCOUNT, NSCOUNT, ARCOUNT
    '07 6578616d706c65 03 636f6d 00', // QNAME: 7 "example" 3 "com" root
    '0001', // QTYPE A
    '0001', // QCLASS IN
  ].join(''),
);

describe('internetChecksum (RFC 1071)', () => {
  it('matches the worked example of RFC 1071, Section 3', () => {
    // The one's-complement sum of 0001 f203 f4f5 f6f7 is ddf2; the checksum is its complement.
    expect(internetChecksum(fromHex('0001f203f4f5f6f7'))).toBe(0x220d);
  });

  it('pads an odd trailing byte with zero and sums parts as one buffer', () => {
    expect(internetChecksum(fromHex('01'))).toBe(0xfeff);
    expect(internetChecksum(fromHex('0001'), fromHex('f203f4f5'), fromHex('f6f7'))).toBe(0x220d);
    expect(() => internetChecksum(fromHex('01'), fromHex('02'))).toThrow(RangeError);
  });
});

describe('encodeIpv4 (RFC 791)', () => {
  it('writes a known header with its checksum b861', () => {
    // 192.168.0.1 → 192.168.0.199, UDP, total length 0x73, DF: a widely used worked example.
    const packet = encodeIpv4({
      src: '192.168.0.1',
      dst: '192.168.0.199',
      protocol: 17,
      identification: 0,
      payload: new Uint8Array(0x73 - 20),
    });
    expect(packet.length).toBe(0x73);
    expect(toHex(packet.subarray(0, 20))).toBe('45000073000040004011b861c0a80001c0a800c7');
    // A receiver sums the header including the checksum and gets zero (RFC 1071, Section 1).
    expect(internetChecksum(packet.subarray(0, 20))).toBe(0);
  });

  it('refuses a packet longer than the 16-bit total length', () => {
    const base = { src: '10.0.0.1', dst: '10.0.0.2', protocol: 17, identification: 1 };
    expect(encodeIpv4({ ...base, payload: new Uint8Array(65515) }).length).toBe(65535);
    expect(() => encodeIpv4({ ...base, payload: new Uint8Array(65516) })).toThrow(/exceeds 65535/);
  });
});

describe('addresses', () => {
  it('parses only strict dotted quads', () => {
    expect(Array.from(parseIpv4('192.0.2.255'))).toEqual([192, 0, 2, 255]);
    for (const bad of ['1.2.3', '1.2.3.4.5', '256.0.0.1', '01.2.3.4', '1.2.3.x', ' 1.2.3.4']) {
      expect(() => parseIpv4(bad), bad).toThrow(RangeError);
    }
  });

  it('derives a locally administered unicast MAC from the IPv4 address', () => {
    const mac = macForIpv4('10.0.0.1');
    expect(toHex(mac)).toBe('02000a000001');
    expect(mac[0]! & 0x02).toBe(0x02); // U/L bit: locally administered
    expect(mac[0]! & 0x01).toBe(0); // I/G bit: unicast
  });

  it('counts IPv4 identifications per sending host', () => {
    const ids = new Ipv4IdCounter(0xfffe);
    expect([
      ids.take('10.0.0.1'),
      ids.take('10.0.0.1'),
      ids.take('10.0.0.2'),
      ids.take('10.0.0.1'),
    ]).toEqual([0xfffe, 0xffff, 0xfffe, 0]);
  });
});

describe('encodeTcp (RFC 9293)', () => {
  it('matches a segment checksummed by an independent implementation', () => {
    const segment = encodeTcp({
      src: { ip: '10.0.0.1', port: 49152 },
      dst: { ip: '10.0.0.2', port: 80 },
      seq: 1,
      ack: 2,
      flags: TcpFlags.PSH | TcpFlags.ACK,
      payload: fromHex('6869'),
    });
    expect(toHex(segment)).toBe('c000005000000001000000025018ffff730b00006869');
  });

  it('takes sequence numbers modulo 2^32', () => {
    const segment = encodeTcp({
      src: { ip: '10.0.0.1', port: 1 },
      dst: { ip: '10.0.0.2', port: 2 },
      seq: 2 ** 32 + 5,
      ack: 2 ** 32 - 1,
      flags: TcpFlags.ACK,
      payload: new Uint8Array(0),
    });
    expect(toHex(segment.subarray(4, 12))).toBe('00000005ffffffff');
  });
});

describe('encodeUdp (RFC 768)', () => {
  it('writes ports, length and a checksum that verifies with the pseudo-header', () => {
    const datagram = encodeUdp({ src: resolver, dst: server, payload: EXAMPLE_COM_QUERY });
    expect(toHex(datagram.subarray(0, 6))).toBe(
      `cf080035${(8 + 29).toString(16).padStart(4, '0')}`,
    );
    const pseudo = fromHex(`c0000235 c6336401 0011 0025`);
    expect(internetChecksum(pseudo, datagram)).toBe(0);
  });

  it('sends a computed checksum of zero as ffff', () => {
    // Choose the payload word so that the one's-complement sum is ffff, i.e. the checksum is 0.
    const probe = encodeUdp({ src: resolver, dst: server, payload: new Uint8Array(2) });
    const sumSoFar = ~(probe[6]! * 256 + probe[7]!) & 0xffff;
    const word = ~sumSoFar & 0xffff;
    const datagram = encodeUdp({
      src: resolver,
      dst: server,
      payload: Uint8Array.of(word >> 8, word & 0xff),
    });
    expect(toHex(datagram.subarray(6, 8))).toBe('ffff');
  });
});

describe('frames in tshark', () => {
  it('decodes a hand-built DNS query for example.com A with valid checksums', async () => {
    const pcap = new PcapWriter();
    udpDatagram(pcap, 1_000, resolver, server, EXAMPLE_COM_QUERY);
    const file = writeTempFile('dns.pcap', pcap.toBytes());
    const rows = await tsharkFields(
      file,
      [
        'eth.src',
        'eth.type',
        'ip.src',
        'ip.dst',
        'ip.checksum.status',
        'udp.checksum.status',
        'dns.id',
        'dns.qry.name',
        'dns.qry.type',
      ],
      { filter: 'dns.qry.name == "example.com"', extraArgs: CHECKSUM_ARGS },
    );
    // Checksum status 1 is "Good" in tshark's value strings.
    expect(rows).toEqual([
      [
        '02:00:c0:00:02:35',
        '0x0800',
        '192.0.2.53',
        '198.51.100.1',
        '1',
        '1',
        '0x1234',
        'example.com',
        '1',
      ],
    ]);
    expect(await tsharkMalformedCount(file, CHECKSUM_ARGS)).toBe(0);
  });

  it('accepts the ffff checksum for a zero sum', async () => {
    const probe = encodeUdp({ src: resolver, dst: server, payload: new Uint8Array(2) });
    const word = (probe[6]! << 8) | probe[7]!;
    const pcap = new PcapWriter();
    udpDatagram(pcap, 0, resolver, server, Uint8Array.of(word >> 8, word & 0xff));
    const file = writeTempFile('zero-sum.pcap', pcap.toBytes());
    const rows = await tsharkFields(file, ['udp.checksum', 'udp.checksum.status'], {
      extraArgs: CHECKSUM_ARGS,
    });
    expect(rows).toEqual([['0xffff', '1']]);
  });

  it('lets the helper see a corrupted checksum and a truncated DNS message', async () => {
    const pcap = new PcapWriter();
    const ids = new Ipv4IdCounter();
    const corrupted = udpFrame({ src: resolver, dst: server, payload: EXAMPLE_COM_QUERY }, ids);
    corrupted[14 + 20 + 6]! ^= 0x01; // flip a bit of the UDP checksum
    pcap.addPacket(0, corrupted);
    udpDatagram(pcap, 1, resolver, server, EXAMPLE_COM_QUERY.subarray(0, 20), ids);
    const file = writeTempFile('broken.pcap', pcap.toBytes());
    const rows = await tsharkFields(file, ['udp.checksum.status'], { extraArgs: CHECKSUM_ARGS });
    expect(rows).toEqual([['0'], ['1']]); // 0 is "Bad"
    expect(await tsharkMalformedCount(file)).toBe(1);
    expect(await tsharkMalformedCount(file, CHECKSUM_ARGS)).toBe(2);
  });
});
