import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../bytes';
import { tsharkFields, tsharkMalformedCount, writeTempFile } from '../../../test/helpers/tshark';
import { DEMO_EPOCH_MS } from './clock';
import { PcapWriter } from './pcap';
import { udpDatagram } from './tcp-conversation';

function u32At(bytes: Uint8Array, offset: number): number {
  return new DataView(bytes.buffer, bytes.byteOffset).getUint32(offset);
}

describe('PcapWriter', () => {
  it('writes the classic global header: magic, v2.4, snaplen 262144, LINKTYPE_ETHERNET', () => {
    const file = new PcapWriter().toBytes();
    expect(toHex(file)).toBe(
      'a1b2c3d4' + '0002' + '0004' + '00000000' + '00000000' + '00040000' + '00000001',
    );
  });

  it('writes record headers with ts_sec, ts_usec (fractional ms kept) and both lengths', () => {
    const pcap = new PcapWriter();
    pcap.addPacket(1234.5678, fromHex('aabbcc'));
    const file = pcap.toBytes();
    expect(file.length).toBe(24 + 16 + 3);
    // 1234.5678 ms: ts_sec 1, ts_usec 234568 (0x39448), rounded to the nearest microsecond.
    expect(toHex(file.subarray(24))).toBe(
      '00000001' + '00039448' + '00000003' + '00000003' + 'aabbcc',
    );
  });

  it('carries a microsecond that rounds up to a whole second', () => {
    const pcap = new PcapWriter();
    pcap.addPacket(DEMO_EPOCH_MS + 999.9996, fromHex('00'));
    const file = pcap.toBytes();
    expect(u32At(file, 24)).toBe(DEMO_EPOCH_MS / 1000 + 1);
    expect(u32At(file, 28)).toBe(0);
  });

  it('writes records in time order, keeping insertion order for equal times', () => {
    const pcap = new PcapWriter();
    pcap.addPacket(5, fromHex('05'));
    pcap.addPacket(1, fromHex('01'));
    pcap.addPacket(5, fromHex('06'));
    pcap.addPacket(1, fromHex('02'));
    const file = pcap.toBytes();
    const payloads = [0, 1, 2, 3].map((i) => file[24 + i * 17 + 16]);
    expect(payloads).toEqual([0x01, 0x02, 0x05, 0x06]);
    expect(pcap.count).toBe(4);
  });

  it('copies the frame, so later changes by the caller do not leak in', () => {
    const pcap = new PcapWriter();
    const frame = fromHex('0102');
    pcap.addPacket(0, frame);
    frame[0] = 0xff;
    expect(toHex(pcap.toBytes().subarray(40))).toBe('0102');
  });

  it('rejects times the format cannot hold and frames over the snaplen', () => {
    const pcap = new PcapWriter();
    expect(() => pcap.addPacket(-1, fromHex('00'))).toThrow(RangeError);
    expect(() => pcap.addPacket(Number.NaN, fromHex('00'))).toThrow(RangeError);
    expect(() => pcap.addPacket(2 ** 32 * 1000, fromHex('00'))).toThrow(/32-bit ts_sec/);
    expect(() => pcap.addPacket(0, new Uint8Array(262145))).toThrow(/snaplen/);
    expect(pcap.count).toBe(0);
  });

  it('is read by tshark with the virtual timestamps', async () => {
    const pcap = new PcapWriter();
    const a = { ip: '192.0.2.1', port: 40000 };
    const b = { ip: '192.0.2.2', port: 9 };
    udpDatagram(pcap, DEMO_EPOCH_MS + 0.25, a, b, fromHex('00'));
    udpDatagram(pcap, DEMO_EPOCH_MS + 1500, b, a, fromHex('01'));
    const file = writeTempFile('times.pcap', pcap.toBytes());
    const rows = await tsharkFields(file, ['frame.time_epoch', 'frame.len', 'frame.cap_len']);
    expect(rows).toEqual([
      ['1768478400.000250000', '43', '43'],
      ['1768478401.500000000', '43', '43'],
    ]);
    expect(await tsharkMalformedCount(file)).toBe(0);
  });
});
