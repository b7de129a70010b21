/**
 * ChangeCipherSpec, RFC 5246, Section 7.1: struct { enum { change_cipher_spec(1), (255) } type; }.
 * It is its own record content type, not a handshake message, and is not part of the Finished
 * transcript.
 */
import { DecodeError, Reader, Writer, type Encoded } from '../../bytes';

export const CHANGE_CIPHER_SPEC = 1;

function show(n: number): string {
  return n === CHANGE_CIPHER_SPEC ? 'change_cipher_spec (1)' : `unknown (${n})`;
}

export function writeChangeCipherSpec(w: Writer): void {
  w.group('ChangeCipherSpec', (g) =>
    g.u8(CHANGE_CIPHER_SPEC, 'type', { show, explain: 'tls.change_cipher_spec.type' }),
  );
}

export function encodeChangeCipherSpec(): Encoded {
  const w = new Writer();
  writeChangeCipherSpec(w);
  return w.finish();
}

/** Reads the one byte; any other value, or any other length, is a decode error. */
export function readChangeCipherSpec(r: Reader): void {
  r.group('ChangeCipherSpec', (g) => {
    const at = g.offset;
    const value = g.u8('type', { show, explain: 'tls.change_cipher_spec.type' });
    if (value !== CHANGE_CIPHER_SPEC) {
      throw new DecodeError('decode.tls.ccs_type', { value }, at);
    }
  });
}

/** Checks that a record's fragment is exactly the one-byte ChangeCipherSpec message. */
export function decodeChangeCipherSpec(bytes: Uint8Array): void {
  const r = new Reader(bytes);
  readChangeCipherSpec(r);
  r.expectEnd('ChangeCipherSpec');
}
