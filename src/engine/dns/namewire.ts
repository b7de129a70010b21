/**
 * Names on the wire, with message compression (RFC 1035, Section 4.1.4).
 *
 * Encoding: each suffix written in a compressible position is remembered with its offset; a later
 * name that ends in a remembered suffix writes a two-octet pointer (11 + 14-bit offset) instead.
 * Matching is exact (case-sensitive), so a decoded message equals the one encoded, octet for octet.
 *
 * Decoding rejects, naming the offset: pointer loops, pointers that do not point strictly before
 * the label where the current name (or suffix) started, pointers into the header or into the
 * middle of a label, the reserved label types 0x40 and 0x80, and names over 255 octets.
 */
import { DnsDecodeError } from './decode-error';
import { DecodeError, phrase, type SpanPhrase } from '../bytes';
import { MAX_LABEL_OCTETS, MAX_NAME_OCTETS, Name, escapeLabel } from './name';
import type { WireIn, WireOut } from './wire';

/** RFC 1035 §4.1.4: a pointer holds a 14-bit offset, so only the first 16 KiB can be targets. */
const MAX_POINTER_TARGET = 0x3fff;
/** The DNS header is 12 octets (RFC 1035 §4.1.1); no name lives there. */
const HEADER_OCTETS = 12;

/** Suffixes already written in a message, for compression (RFC 1035 §4.1.4). */
export class CompressionTable {
  private readonly offsets = new Map<string, number>();

  lookup(suffixKey: string): number | undefined {
    return this.offsets.get(suffixKey);
  }
  remember(suffixKey: string, offset: number): void {
    if (offset <= MAX_POINTER_TARGET && !this.offsets.has(suffixKey)) {
      this.offsets.set(suffixKey, offset);
    }
  }
}

function latin1(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += String.fromCharCode(bytes[i]!);
  return out;
}

/**
 * Writes `name`. With a table, the longest already-written suffix becomes a pointer and the new
 * suffixes are remembered; without one (SRV targets, RFC 2782; unknown types, RFC 3597 §4) the name
 * is written in full.
 */
export function writeName(
  out: WireOut,
  name: Name,
  table: CompressionTable | undefined,
  spanName: string,
  explain: string,
): void {
  out.group(
    spanName,
    () => {
      // keys[n] stands for the last n labels; label i starts the suffix of count - i labels.
      const count = name.labelCount;
      const keys = table ? name.exactSuffixKeys() : undefined;
      for (let i = 0; i < count; i++) {
        if (table && keys) {
          const key = keys[count - i]!;
          const target = table.lookup(key);
          if (target !== undefined) {
            const suffix = name.trimTo(count - i);
            out.u16(
              0xc000 | target,
              'pointer',
              () => pointerText(target, suffix),
              'dns.name.pointer',
            );
            return;
          }
          table.remember(key, out.length);
        }
        const label = name.labels[i]!;
        out.group(
          'label',
          () => {
            out.u8(label.length);
            out.octets(label);
          },
          () => escapeLabel(label),
          'dns.name.label',
        );
      }
      out.u8(0, 'root', () => '.', 'dns.name.root');
    },
    () => name.toString(),
    explain,
  );
}

function pointerText(target: number, suffix: Name): SpanPhrase {
  return phrase('dns.pointer', { target, suffix: suffix.toString() });
}

/** What a message decode knows about its octets so far: where labels start and what is inside. */
export class NameDecodeState {
  /** Where each label (or pointer) read so far starts, and where its text ends; increasing. */
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  markLabel(at: number, length: number): void {
    this.starts.push(at);
    this.ends.push(at + 1 + length);
  }

  /** True when `at` falls after a label's length octet and inside its text (binary search). */
  isInsideLabel(at: number): boolean {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.starts[mid]! > at) hi = mid - 1;
      else if (this.ends[mid]! <= at) lo = mid + 1;
      else return at !== this.starts[mid];
    }
    return false;
  }
}

function reservedLabel(kind: number, at: number): DecodeError {
  // 0x40 was the RFC 2673 extended label type, deprecated by RFC 6891 §5; 0x80 was never assigned.
  return new DnsDecodeError('decode.dns.reserved_label', { kind: kind.toString(16) }, at);
}

function tooLong(octets: number, at: number): DecodeError {
  return new DnsDecodeError('decode.dns.name_too_long', { max: MAX_NAME_OCTETS, octets }, at);
}

/**
 * Follows a compression pointer found at `pointerAt`, reading the suffix by random access
 * (no spans: those bytes were annotated where they first appeared). `limit` is where the current
 * name started; every pointer must point strictly before the name or suffix it continues.
 */
function expandPointer(
  buf: Uint8Array,
  pointerAt: number,
  limit: number,
  octetsSoFar: number,
  labels: string[],
  state: NameDecodeState,
  nameStart: number,
): void {
  // Offsets already visited; a handful at most, so an array beats a Set.
  const seen: number[] = [pointerAt, nameStart];
  let octets = octetsSoFar;
  let at = pointerAt;
  for (;;) {
    // `at` holds a pointer; both of its octets are known to be inside the buffer.
    const target = ((buf[at]! & 0x3f) << 8) | buf[at + 1]!;
    if (seen.includes(target)) {
      throw new DnsDecodeError('decode.dns.pointer_loop', { target }, at);
    }
    if (target >= limit) {
      throw new DnsDecodeError('decode.dns.pointer_forward', { target, limit }, at);
    }
    if (target < HEADER_OCTETS) {
      throw new DnsDecodeError('decode.dns.pointer_into_header', { target }, at);
    }
    if (state.isInsideLabel(target)) {
      throw new DnsDecodeError('decode.dns.pointer_into_label', { target }, at);
    }
    seen.push(target);
    limit = target;
    let pos = target;
    for (;;) {
      if (pos >= buf.length) throw new DnsDecodeError('decode.dns.name_past_end', {}, pos);
      const length = buf[pos]!;
      const kind = length & 0xc0;
      if (length === 0) return;
      if (kind === 0xc0) {
        if (pos + 1 >= buf.length)
          throw new DnsDecodeError('decode.dns.pointer_truncated', {}, pos);
        at = pos;
        break;
      }
      if (kind !== 0) throw reservedLabel(kind, pos);
      if (pos + 1 + length > buf.length) {
        throw new DnsDecodeError('decode.dns.label_past_end', { length }, pos);
      }
      octets += length + 1;
      if (octets > MAX_NAME_OCTETS) throw tooLong(octets, pos);
      labels.push(latin1(buf.subarray(pos + 1, pos + 1 + length)));
      pos += length + 1;
      if (seen.includes(pos))
        throw new DnsDecodeError('decode.dns.pointer_loop', { target: pos }, pos);
    }
  }
}

/** Reads a (possibly compressed) name at the cursor, recording its span tree. */
export function readName(
  inp: WireIn,
  state: NameDecodeState,
  spanName: string,
  explain: string,
): Name {
  const start = inp.offset;
  return inp.group(
    spanName,
    () => {
      const labels: string[] = [];
      let octets = 1;
      for (;;) {
        const at = inp.offset;
        const length = inp.peekU8();
        const kind = length & 0xc0;
        if (length === 0) {
          state.markLabel(at, 0);
          inp.u8('root', () => '.', 'dns.name.root');
          break;
        }
        if (kind === 0xc0) {
          if (inp.remaining < 2) {
            throw new DnsDecodeError(
              'decode.truncated',
              { what: 'compression pointer', n: 2, left: 1 },
              at,
            );
          }
          state.markLabel(at, 1);
          const before = labels.length;
          expandPointer(inp.buf, at, start, octets, labels, state, start);
          const suffix = Name.fromLabels(labels.slice(before));
          inp.u16(
            'pointer',
            (v) => pointerText(v & MAX_POINTER_TARGET, suffix),
            'dns.name.pointer',
          );
          break;
        }
        if (kind !== 0) throw reservedLabel(kind, at);
        // A label length can only reach 63 here: the top two bits are clear.
        if (length > MAX_LABEL_OCTETS)
          throw new DnsDecodeError('decode.dns.label_too_long', {}, at);
        const label = inp.group(
          'label',
          () => {
            inp.u8();
            return inp.latin1(length);
          },
          escapeLabel,
          'dns.name.label',
        );
        state.markLabel(at, length);
        octets += length + 1;
        if (octets > MAX_NAME_OCTETS) throw tooLong(octets, at);
        labels.push(label);
      }
      return Name.fromLabels(labels);
    },
    (name) => name.toString(),
    explain,
  );
}
