/**
 * Reading a capture file: the classic libpcap format and pcapng (draft-ietf-opsawg-pcap and
 * draft-ietf-opsawg-pcapng). Out come the packets with their link type and time, and the TLS key
 * log lines of any Decryption Secrets Block. A damaged file keeps what was read before the damage
 * and says at which byte reading stopped.
 */

/** Captures up to 64 MiB are read; a larger file is refused before any parsing. */
export const MAX_CAPTURE_BYTES = 64 * 1024 * 1024;

export interface CapturedPacket {
  /** Milliseconds since the Unix epoch. */
  time: number;
  /** The LINKTYPE_ value (https://www.tcpdump.org/linktypes.html). */
  linkType: number;
  data: Uint8Array;
  /** The 1-based frame number, as Wireshark counts. */
  frame: number;
}

/**
 * Why reading a file stopped, as a key with parameters: the UI words it in the page's language
 * (src/ui/capture/problem-text.ts), the CLI in English (`reason`).
 */
export type CaptureProblemKey =
  | 'tooLarge'
  | 'tooShort'
  | 'notCapture'
  | 'fileHeaderCut'
  | 'packetHeaderCut'
  | 'packetCut'
  | 'blockHeaderCut'
  | 'byteOrder'
  | 'blockPastEnd'
  | 'blockLength'
  | 'unknownInterface'
  | 'packetPastBlock'
  | 'packetBeforeInterface'
  | 'secretsPastBlock';

export type CaptureProblemParams = Record<string, number>;

/** The CLI's English for each key; the UI has its own tables in both languages. */
export const CAPTURE_PROBLEM_ENGLISH: Readonly<
  Record<CaptureProblemKey, (p: CaptureProblemParams) => string>
> = {
  tooLarge: (p) =>
    `the file is ${p['size']} bytes; captures up to ${p['max']} bytes (64 MiB) are read`,
  tooShort: () => 'too short to be a capture file',
  notCapture: () => 'not a pcap or pcapng file (unknown magic number)',
  fileHeaderCut: () => 'the 24-byte file header is cut short',
  packetHeaderCut: () => 'a packet header is cut short',
  packetCut: (p) => `packet ${p['packet']} claims ${p['bytes']} bytes but the file ends first`,
  blockHeaderCut: () => 'a block header is cut short',
  byteOrder: () => 'a section header has an unknown byte-order magic',
  blockPastEnd: (p) => `a block of ${p['length']} bytes runs past the end of the file`,
  blockLength: (p) => `a block has an invalid length ${p['length']}`,
  unknownInterface: (p) => `a packet names interface ${p['interface']}, never described`,
  packetPastBlock: () => 'a packet is longer than its block',
  packetBeforeInterface: () => 'a packet comes before any interface',
  secretsPastBlock: () => 'the secrets are longer than their block',
};

export interface CaptureProblem {
  /** The byte offset in the file where reading stopped. */
  offset: number;
  key: CaptureProblemKey;
  params: CaptureProblemParams;
  /** In English, for the CLI. */
  reason: string;
}

function problemAt(
  offset: number,
  key: CaptureProblemKey,
  params: CaptureProblemParams = {},
): CaptureProblem {
  return { offset, key, params, reason: CAPTURE_PROBLEM_ENGLISH[key](params) };
}

export class CaptureFileError extends Error {
  readonly reason: string;
  constructor(
    readonly key: CaptureProblemKey,
    readonly params: CaptureProblemParams,
    readonly offset: number,
  ) {
    const reason = CAPTURE_PROBLEM_ENGLISH[key](params);
    super(`${reason} at byte ${offset}`);
    this.reason = reason;
    this.name = 'CaptureFileError';
  }
}

export interface CaptureFile {
  format: 'pcap' | 'pcapng';
  packets: CapturedPacket[];
  /** NSS key log text from Decryption Secrets Blocks (pcapng), one line per secret. */
  keyLog: string;
  problem?: CaptureProblem;
}

const PCAPNG_SHB = 0x0a0d0d0a;
const PCAPNG_BYTE_ORDER = 0x1a2b3c4d;
/** pcapng, Section 4.7: secrets_type 'TLSK' is an NSS key log. */
const SECRETS_TLS_KEY_LOG = 0x544c534b;

export function readCaptureFile(bytes: Uint8Array): CaptureFile {
  if (bytes.length > MAX_CAPTURE_BYTES)
    throw new CaptureFileError(
      'tooLarge',
      { size: bytes.length, max: MAX_CAPTURE_BYTES },
      MAX_CAPTURE_BYTES,
    );
  if (bytes.length < 4) throw new CaptureFileError('tooShort', {}, 0);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = view.getUint32(0, false);
  if (magic === PCAPNG_SHB) return readPcapng(bytes, view);
  if ([0xa1b2c3d4, 0xd4c3b2a1, 0xa1b23c4d, 0x4d3cb2a1].includes(magic))
    return readPcap(bytes, view);
  throw new CaptureFileError('notCapture', {}, 0);
}

function readPcap(bytes: Uint8Array, view: DataView): CaptureFile {
  const be = view.getUint32(0, false);
  const little = be === 0xd4c3b2a1 || be === 0x4d3cb2a1;
  const nano = be === 0xa1b23c4d || be === 0x4d3cb2a1;
  const packets: CapturedPacket[] = [];
  const out: CaptureFile = { format: 'pcap', packets, keyLog: '' };
  if (bytes.length < 24) {
    out.problem = problemAt(bytes.length, 'fileHeaderCut');
    return out;
  }
  // The link type is the low 16 bits; the high bits carry the FCS length flags.
  const linkType = view.getUint32(20, little) & 0xffff;
  let at = 24;
  while (at < bytes.length) {
    if (at + 16 > bytes.length) {
      out.problem = problemAt(at, 'packetHeaderCut');
      break;
    }
    const sec = view.getUint32(at, little);
    const frac = view.getUint32(at + 4, little);
    const caplen = view.getUint32(at + 8, little);
    if (at + 16 + caplen > bytes.length) {
      out.problem = problemAt(at, 'packetCut', { packet: packets.length + 1, bytes: caplen });
      break;
    }
    packets.push({
      time: sec * 1000 + (nano ? frac / 1e6 : frac / 1e3),
      linkType,
      data: bytes.subarray(at + 16, at + 16 + caplen),
      frame: packets.length + 1,
    });
    at += 16 + caplen;
  }
  return out;
}

interface Interface {
  linkType: number;
  /** Timestamp units per millisecond. */
  unitsPerMs: number;
}

function readPcapng(bytes: Uint8Array, view: DataView): CaptureFile {
  const packets: CapturedPacket[] = [];
  const out: CaptureFile = { format: 'pcapng', packets, keyLog: '' };
  const keyLog: string[] = [];
  let little = true;
  let interfaces: Interface[] = [];
  let at = 0;
  while (at < bytes.length) {
    if (at + 12 > bytes.length) {
      out.problem = problemAt(at, 'blockHeaderCut');
      break;
    }
    const type = view.getUint32(at, little);
    if (view.getUint32(at, false) === PCAPNG_SHB) {
      // Section 4.1: each Section Header Block sets the byte order of its section.
      const order = view.getUint32(at + 8, true);
      if (order === PCAPNG_BYTE_ORDER) little = true;
      else if (order === 0x4d3c2b1a) little = false;
      else {
        out.problem = problemAt(at + 8, 'byteOrder');
        break;
      }
      interfaces = [];
    }
    const length = view.getUint32(at + 4, little);
    if (length < 12 || length % 4 !== 0 || at + length > bytes.length) {
      out.problem = problemAt(at, at + length > bytes.length ? 'blockPastEnd' : 'blockLength', {
        length,
      });
      break;
    }
    const body = at + 8;
    const bodyEnd = at + length - 4;
    try {
      if (type === 1) {
        interfaces.push(readInterface(bytes, view, body, bodyEnd, little));
      } else if (type === 6 || type === 2) {
        // Enhanced Packet Block (Section 4.3), or the obsolete Packet Block (Appendix A).
        const iface = type === 6 ? view.getUint32(body, little) : view.getUint16(body, little);
        const info = interfaces[iface];
        if (!info) throw new CaptureFileError('unknownInterface', { interface: iface }, body);
        const hi = view.getUint32(body + 4, little);
        const lo = view.getUint32(body + 8, little);
        const caplen = view.getUint32(body + 12, little);
        if (body + 20 + caplen > bodyEnd)
          throw new CaptureFileError('packetPastBlock', {}, body + 12);
        packets.push({
          time: (hi * 2 ** 32 + lo) / info.unitsPerMs,
          linkType: info.linkType,
          data: bytes.subarray(body + 20, body + 20 + caplen),
          frame: packets.length + 1,
        });
      } else if (type === 3) {
        // Simple Packet Block (Section 4.4): interface 0, no timestamp.
        const info = interfaces[0];
        if (!info) throw new CaptureFileError('packetBeforeInterface', {}, body);
        const original = view.getUint32(body, little);
        const caplen = Math.min(original, bodyEnd - body - 4);
        packets.push({
          time: 0,
          linkType: info.linkType,
          data: bytes.subarray(body + 4, body + 4 + caplen),
          frame: packets.length + 1,
        });
      } else if (type === 0x0a) {
        // Decryption Secrets Block (Section 4.7).
        const secretsType = view.getUint32(body, little);
        const secretsLength = view.getUint32(body + 4, little);
        if (body + 8 + secretsLength > bodyEnd)
          throw new CaptureFileError('secretsPastBlock', {}, body + 4);
        if (secretsType === SECRETS_TLS_KEY_LOG)
          keyLog.push(new TextDecoder().decode(bytes.subarray(body + 8, body + 8 + secretsLength)));
      }
    } catch (e) {
      if (!(e instanceof CaptureFileError)) throw e;
      out.problem = problemAt(e.offset, e.key, e.params);
      break;
    }
    at += length;
  }
  out.keyLog = keyLog.join('\n');
  return out;
}

/** Interface Description Block (Section 4.2), with its if_tsresol option (code 9). */
function readInterface(
  bytes: Uint8Array,
  view: DataView,
  body: number,
  end: number,
  little: boolean,
): Interface {
  const linkType = view.getUint16(body, little);
  let unitsPerMs = 1000; // the default resolution is microseconds
  let at = body + 8;
  while (at + 4 <= end) {
    const code = view.getUint16(at, little);
    const length = view.getUint16(at + 2, little);
    if (code === 0) break;
    if (code === 9 && length >= 1) {
      const v = bytes[at + 4]!;
      // The high bit chooses a power of two, otherwise a power of ten, of a second.
      const perSecond = v & 0x80 ? 2 ** (v & 0x7f) : 10 ** v;
      unitsPerMs = perSecond / 1000;
    }
    at += 4 + Math.ceil(length / 4) * 4;
  }
  return { linkType, unitsPerMs };
}
