/**
 * IP address text -> bytes, so that a host given as an address can be compared with the
 * 4- or 16-octet iPAddress entries of a subjectAltName (RFC 5280 §4.2.1.6) whatever way either
 * side spells it ("::1" and "0:0:0:0:0:0:0:1" are the same address).
 */

/** The address as 4 (IPv4) or 16 (IPv6) bytes, or null if `text` is not an IP address. */
export function parseIpAddress(text: string): Uint8Array | null {
  const bare = text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1) : text;
  return bare.includes(':') ? parseIpv6(bare) : parseIpv4(bare);
}

function parseIpv4(text: string): Uint8Array | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  const out = new Uint8Array(4);
  for (let i = 0; i < 4; i++) {
    const part = parts[i]!;
    // Leading zeros are refused: some parsers read them as octal, so "010" is ambiguous.
    if (!/^(0|[1-9][0-9]{0,2})$/.test(part)) return null;
    const value = Number(part);
    if (value > 255) return null;
    out[i] = value;
  }
  return out;
}

function parseIpv6(text: string): Uint8Array | null {
  // RFC 4291 §2.2: eight 16-bit groups, one run of zero groups may be written "::", and the
  // last 32 bits may be written as an IPv4 address.
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const head = halves[0] === '' ? [] : halves[0]!.split(':');
  const tail = halves.length === 2 && halves[1] !== '' ? halves[1]!.split(':') : [];
  const groups: number[] = [];
  const all = [...head, ...tail];
  const last = all[all.length - 1];
  let ipv4Tail: Uint8Array | null = null;
  if (last !== undefined && last.includes('.')) {
    ipv4Tail = parseIpv4(last);
    if (ipv4Tail === null) return null;
    if (tail.length > 0) tail.pop();
    else head.pop();
  }
  const toGroup = (g: string): number | null =>
    /^[0-9a-fA-F]{1,4}$/.test(g) ? parseInt(g, 16) : null;
  const headGroups = head.map(toGroup);
  const tailGroups = tail.map(toGroup);
  if (headGroups.includes(null) || tailGroups.includes(null)) return null;
  const explicit = headGroups.length + tailGroups.length + (ipv4Tail ? 2 : 0);
  if (halves.length === 1 ? explicit !== 8 : explicit > 7) return null;
  groups.push(...(headGroups as number[]));
  for (let i = explicit; i < 8; i++) groups.push(0);
  groups.push(...(tailGroups as number[]));
  const out = new Uint8Array(16);
  groups.forEach((g, i) => {
    out[2 * i] = g >> 8;
    out[2 * i + 1] = g & 0xff;
  });
  if (ipv4Tail) out.set(ipv4Tail, 12);
  return out;
}
