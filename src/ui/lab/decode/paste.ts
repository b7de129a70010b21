/**
 * What people paste into Decode, turned into the bytes to decode:
 *
 * - `openssl s_client -msg` output as is: every `>>>` / `<<<` block's hex, each message put back
 *   in the record it came in (the `RecordHeader` block before it gives the type and version). A
 *   record sent encrypted is shown by openssl decrypted, so its header is rewritten to the length
 *   of what is shown; all other lines (the certificate, the session summary) are skipped.
 * - Hex dumps: Wireshark's "Copy as Hex Dump", `tshark -x` (frames one after another, with their
 *   "Frame (N bytes):" titles) and `xxd`. A dump of whole frames (Ethernet, IPv4 or IPv6, then TCP
 *   or UDP) gives the frames' payloads, in order, since the headers are not what Decode reads.
 * - Anything else: the hex digits, less whitespace, colons, commas and 0x prefixes.
 */

/** A line of an `openssl -msg` trace's header: direction, version, content type, length. */
const MSG_HEAD =
  /^(>>>|<<<) (?:(?:TLS|SSL|DTLS) [\d.]+|\?\?\?), ([A-Za-z]+) \[length ([0-9a-f]{4})\]/;
/** A line of bytes in an `openssl -msg` block: indented, two-digit hex one space apart. */
const MSG_BYTES = /^\s+((?:[0-9a-f]{2} ?)+)$/i;
/** TLS content types by openssl's names (RFC 5246, Section 6.2.1). */
const CONTENT_TYPES: Readonly<Record<string, number>> = {
  ChangeCipherSpec: 20,
  Alert: 21,
  Handshake: 22,
  ApplicationData: 23,
};

/**
 * A line of Wireshark's or tshark's hex dump: an offset, then up to 16 bytes (one space apart, two
 * between the halves), then at least three spaces and the ASCII column.
 */
const DUMP_LINE = /^\s*([0-9a-f]{4,8})\s+((?:[0-9a-f]{2}(?:\s{1,2}|$)){1,16})/i;
/** A line of `xxd`: an 8-digit offset and a colon, then groups of four digits up to two spaces. */
const XXD_LINE = /^([0-9a-f]{8}): ((?:[0-9a-f]{2,4} ?)+?)(?: {2}|$)/i;
/** tshark -x's title over each part of a frame: "Frame (226 bytes):", "Reassembled TCP (…):". */
const DUMP_TITLE = /^[A-Z][\w -]*\(\d+ bytes?\):$/;

export interface PastedHex {
  /** The hex digits to decode. */
  digits: string;
  /** Which form the paste was read as. */
  form: 'openssl-msg' | 'dump' | 'plain';
}

/** The hex digits of an `openssl -msg` paste, or undefined when the text is not one. */
export function opensslMsgDigits(text: string): string | undefined {
  const lines = text.split(/\r?\n/);
  if (!lines.some((l) => MSG_HEAD.test(l))) return undefined;
  const blocks: { type: string; bytes: string }[] = [];
  let current: { type: string; bytes: string } | undefined;
  for (const line of lines) {
    const head = MSG_HEAD.exec(line);
    if (head) {
      current = { type: head[2]!, bytes: '' };
      blocks.push(current);
      continue;
    }
    const bytes = current && MSG_BYTES.exec(line);
    if (current && bytes) current.bytes += bytes[1]!.replace(/\s/g, '');
    else current = undefined;
  }
  let out = '';
  let header: string | undefined;
  for (const block of blocks) {
    if (block.type === 'RecordHeader') {
      // A header with nothing shown after it: only ChangeCipherSpec's one byte is known (its
      // value is always 1, RFC 5246, Section 7.1).
      if (header?.startsWith('14')) out += `${header.slice(0, 6)}000101`;
      header = block.bytes.length === 10 ? block.bytes : undefined;
      continue;
    }
    const type = CONTENT_TYPES[block.type];
    if (type === undefined || block.bytes.length === 0) {
      header = undefined;
      continue;
    }
    const prefix = header ? header.slice(0, 6) : `${type.toString(16).padStart(2, '0')}0303`;
    out += prefix + (block.bytes.length / 2).toString(16).padStart(4, '0') + block.bytes;
    header = undefined;
  }
  if (header?.startsWith('14')) out += `${header.slice(0, 6)}000101`;
  return out;
}

/**
 * The frames of a hex dump (Wireshark, tshark -x or xxd), each as hex digits, or undefined when
 * some non-empty line is neither a dump line nor a tshark title.
 */
export function dumpFrames(text: string): string[] | undefined {
  const lines = text.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length === 0) return undefined;
  const frames: string[] = [];
  let sawDump = false;
  for (const line of lines) {
    if (DUMP_TITLE.test(line.trim())) {
      frames.push('');
      continue;
    }
    const match = XXD_LINE.exec(line) ?? DUMP_LINE.exec(line);
    if (!match) return undefined;
    sawDump = true;
    // An offset back at zero starts the next frame (tshark -x prints them one after another).
    if (frames.length === 0 || (parseInt(match[1]!, 16) === 0 && frames.at(-1) !== ''))
      frames.push('');
    frames[frames.length - 1] += match[2]!.replace(/\s/g, '');
  }
  return sawDump ? frames.filter((f) => f !== '') : undefined;
}

/**
 * A frame's TCP or UDP payload, when the bytes are a whole frame as captured on Ethernet (Linux's
 * loopback too) or raw IP; otherwise the bytes as they are.
 */
export function framePayload(bytes: Uint8Array): Uint8Array {
  const u16 = (at: number) => (bytes[at]! << 8) | bytes[at + 1]!;
  const ip = (at: number): Uint8Array | undefined => {
    let transport: number;
    let start: number;
    let end: number;
    const version = bytes[at]! >> 4;
    if (version === 4 && bytes.length >= at + 20) {
      // RFC 791, Section 3.1: IHL in 32-bit words, total length, protocol.
      start = at + (bytes[at]! & 0x0f) * 4;
      end = at + u16(at + 2);
      transport = bytes[at + 9]!;
    } else if (version === 6 && bytes.length >= at + 40) {
      // RFC 8200, Section 3: a 40-byte header; payload length; next header (no extensions read).
      start = at + 40;
      end = start + u16(at + 4);
      transport = bytes[at + 6]!;
    } else return undefined;
    if (end > bytes.length || start >= end) return undefined;
    if (transport === 6 && end - start >= 20) {
      // RFC 9293, Section 3.1: the data offset in 32-bit words.
      const offset = (bytes[start + 12]! >> 4) * 4;
      return offset >= 20 && start + offset <= end
        ? bytes.subarray(start + offset, end)
        : undefined;
    }
    // RFC 768: an 8-byte header.
    if (transport === 17 && end - start >= 8) return bytes.subarray(start + 8, end);
    return undefined;
  };
  if (bytes.length >= 14) {
    const etherType = u16(12);
    if (etherType === 0x0800 || etherType === 0x86dd) {
      const payload = ip(14);
      if (payload) return payload;
    }
  }
  return ip(0) ?? bytes;
}

const toBytes = (digits: string): Uint8Array => {
  const out = new Uint8Array(digits.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(digits.slice(2 * i, 2 * i + 2), 16);
  return out;
};
const toDigits = (bytes: Uint8Array): string =>
  Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');

/** The hex of a paste in one of the forms above, or undefined for plain hex (or not hex at all). */
export function structuredPaste(text: string): PastedHex | undefined {
  const msg = opensslMsgDigits(text);
  if (msg !== undefined) return { digits: msg, form: 'openssl-msg' };
  const frames = dumpFrames(text);
  if (!frames) return undefined;
  const digits = frames
    .map((frame) => (frame.length % 2 === 0 ? toDigits(framePayload(toBytes(frame))) : frame))
    .join('');
  return { digits, form: 'dump' };
}
