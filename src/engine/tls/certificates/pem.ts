/**
 * PEM (RFC 7468) <-> DER. Only the textual envelope is handled here: base64 between a BEGIN
 * and an END line with the same label. What the DER means is the X.509 library's job.
 */

/** The labels Wirestep reads: certificates and PKCS#8 private keys (RFC 7468 §5 and §10). */
export type PemLabel = 'CERTIFICATE' | 'PRIVATE KEY';

export class PemError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PemError';
  }
}

const BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----([\s\S]*?)-----END ([A-Z0-9 ]+)-----/g;
const READ_LABELS: readonly string[] = ['CERTIFICATE', 'PRIVATE KEY'];

/**
 * The DER bodies of every CERTIFICATE and PRIVATE KEY block in `pem`, in file order. Text
 * between blocks is ignored (RFC 7468 §2 allows explanatory text), as are blocks with other
 * labels; `only` narrows the result to one label.
 */
export function pemToDerList(pem: string, only?: PemLabel): Uint8Array<ArrayBuffer>[] {
  const out: Uint8Array<ArrayBuffer>[] = [];
  for (const match of pem.matchAll(BLOCK)) {
    const [, begin, body, end] = match as unknown as [string, string, string, string];
    if (begin !== end) throw new PemError(`PEM block BEGIN ${begin} ends with END ${end}`);
    if (!READ_LABELS.includes(begin) || (only !== undefined && begin !== only)) continue;
    out.push(base64ToBytes(body, begin));
  }
  return out;
}

/** A PEM block with 64-character lines, the width RFC 7468 §2 requires of generators. */
export function derToPem(der: Uint8Array, label: PemLabel): string {
  if (der.length === 0) throw new PemError('derToPem: der is empty');
  const base64 = bytesToBase64(der);
  const lines: string[] = [];
  for (let at = 0; at < base64.length; at += 64) lines.push(base64.slice(at, at + 64));
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

function base64ToBytes(body: string, label: string): Uint8Array<ArrayBuffer> {
  const clean = body.replace(/\s+/g, '');
  // RFC 7468 §3: the strict grammar is base64 with padding only at the end.
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 !== 0 || clean.length === 0) {
    throw new PemError(`PEM ${label} block is not valid base64`);
  }
  const binary = atob(clean);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}
