/**
 * Does a certificate's subjectAltName cover the host the client meant to reach?
 * RFC 6125 §6.4 for DNS names (with the wildcard rules of §6.4.3, narrowed as browsers and the
 * CA/Browser Forum narrow them), RFC 2818 §3.1 for IP addresses.
 */
import { bytesEqual } from '../../bytes';
import { parseIpAddress } from './ip';

/** The names a certificate presents, as read from its subjectAltName. */
export interface PresentedNames {
  dns: readonly string[];
  ip: readonly string[];
}

/** The SAN entry that matched, or null if none does. */
export function matchHostname(hostname: string, names: PresentedNames): string | null {
  const address = parseIpAddress(hostname);
  if (address) {
    // RFC 2818 §3.1: an address must match an iPAddress entry exactly; a dNSName that happens
    // to spell the address does not count.
    return names.ip.find((ip) => sameAddress(parseIpAddress(ip), address)) ?? null;
  }
  const reference = normalizeDnsName(hostname);
  if (reference === '') return null;
  return names.dns.find((dns) => dnsNameMatches(reference, normalizeDnsName(dns))) ?? null;
}

/**
 * One presented DNS-ID against one reference identifier, both already normalized.
 * Wildcards (RFC 6125 §6.4.3): only a left-most label that is exactly "*" (no partial labels
 * such as "w*"), standing for exactly one non-empty label, so "*.example.org" matches
 * "a.example.org" but neither "a.b.example.org" nor "example.org". A wildcard directly above a
 * top-level domain ("*.org") is refused, as RFC 6125 §7.2 advises.
 */
export function dnsNameMatches(reference: string, presented: string): boolean {
  if (!presented.includes('*')) return reference === presented;
  const presentedLabels = presented.split('.');
  const referenceLabels = reference.split('.');
  if (presentedLabels[0] !== '*') return false;
  const rest = presentedLabels.slice(1);
  if (rest.length < 2 || rest.some((label) => label === '' || label.includes('*'))) return false;
  if (referenceLabels.length !== presentedLabels.length || referenceLabels[0] === '') return false;
  return referenceLabels.slice(1).join('.') === rest.join('.');
}

/** DNS names compare case-insensitively (RFC 4343), and "example.com." is "example.com". */
function normalizeDnsName(name: string): string {
  const lower = name.toLowerCase();
  return lower.endsWith('.') ? lower.slice(0, -1) : lower;
}

function sameAddress(a: Uint8Array | null, b: Uint8Array): boolean {
  return a !== null && bytesEqual(a, b);
}
