/**
 * A writer for the classic libpcap file format ("pcap", as documented by tcpdump.org's
 * pcap-savefile(5) and draft-ietf-opsawg-pcap): a 24-byte global header, then for each packet a
 * 16-byte record header and the frame bytes. Wireshark, tshark and tcpdump all read it.
 *
 * The file is written big-endian, so the magic number appears on disk as a1 b2 c3 d4; readers
 * detect the byte order from the magic, and either order is valid.
 */
import { Writer } from '../bytes';

/** Magic for microsecond-resolution timestamps (0xa1b23c4d would mean nanoseconds). */
export const PCAP_MAGIC = 0xa1b2c3d4;
export const PCAP_VERSION_MAJOR = 2;
export const PCAP_VERSION_MINOR = 4;
/** The snapshot length tcpdump and Wireshark use by default; no frame here comes close. */
export const PCAP_SNAPLEN = 262144;
/** LINKTYPE_ETHERNET: each record is an Ethernet II frame without FCS (tcpdump.org link types). */
export const LINKTYPE_ETHERNET = 1;

/** The last second a 32-bit unsigned ts_sec can hold (early 2106). */
const MAX_TS_SEC = 0xffffffff;

interface PcapRecord {
  /** Whole microseconds since the Unix epoch. */
  micros: number;
  frame: Uint8Array;
}

/** Collects frames with their virtual timestamps and serializes them as one pcap file. */
export class PcapWriter {
  private readonly records: PcapRecord[] = [];

  /** How many packets have been added. */
  get count(): number {
    return this.records.length;
  }

  /**
   * Adds one Ethernet frame seen at `timestampMs` (virtual milliseconds since the Unix epoch).
   * Fractions of a millisecond are kept down to the format's microsecond resolution.
   */
  addPacket(timestampMs: number, frame: Uint8Array): void {
    if (!Number.isFinite(timestampMs) || timestampMs < 0) {
      throw new RangeError(`pcap timestamp must be a finite, non-negative time: ${timestampMs}`);
    }
    const micros = Math.round(timestampMs * 1000);
    if (Math.floor(micros / 1e6) > MAX_TS_SEC) {
      throw new RangeError(`pcap timestamp ${timestampMs} ms does not fit a 32-bit ts_sec`);
    }
    if (frame.length > PCAP_SNAPLEN) {
      // Truncating would hide bytes from the decoder; nothing in the simulation sends such frames.
      throw new RangeError(
        `frame of ${frame.length} bytes is longer than the snaplen ${PCAP_SNAPLEN}`,
      );
    }
    this.records.push({ micros, frame: frame.slice() });
  }

  /**
   * The whole file. Records are written in time order (stably, so equal times keep the order they
   * were added in): the format does not require it, but Wireshark's TCP analysis reads packets in
   * file order, so frames from several conversations added one after another must be interleaved.
   */
  toBytes(): Uint8Array {
    const w = new Writer()
      .u32(PCAP_MAGIC, 'magic_number')
      .u16(PCAP_VERSION_MAJOR, 'version_major')
      .u16(PCAP_VERSION_MINOR, 'version_minor')
      // thiszone: timestamps are already UTC; sigfigs: accuracy unknown, always 0 in practice.
      .u32(0, 'thiszone')
      .u32(0, 'sigfigs')
      .u32(PCAP_SNAPLEN, 'snaplen')
      .u32(LINKTYPE_ETHERNET, 'network');
    const ordered = [...this.records].sort((a, b) => a.micros - b.micros);
    for (const { micros, frame } of ordered) {
      const sec = Math.floor(micros / 1e6);
      // Record header: ts_sec, ts_usec, incl_len, orig_len. The two lengths are equal because
      // frames are never truncated (see addPacket).
      w.u32(sec)
        .u32(micros - sec * 1e6)
        .u32(frame.length)
        .u32(frame.length)
        .bytes(frame);
    }
    return w.toBytes();
  }
}
