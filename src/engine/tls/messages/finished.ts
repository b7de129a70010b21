/**
 * Finished, RFC 5246, Section 7.4.9: struct { opaque verify_data[verify_data_length]; } Finished;
 *
 * The body is verify_data and nothing else. verify_data_length is 12 for every suite we implement;
 * "such length MUST be at least 12 bytes", so anything shorter cannot be a Finished. The state
 * machine checks the exact length for the negotiated suite.
 */
import { DecodeError, EncodeError, type Reader, type Writer } from '../../bytes';

export interface Finished {
  verifyData: Uint8Array;
}

/** RFC 5246, Section 7.4.9: the default verify_data_length, and the minimum for any suite. */
export const VERIFY_DATA_LENGTH = 12;

export function writeFinished(w: Writer, f: Finished): void {
  if (f.verifyData.length < VERIFY_DATA_LENGTH) {
    throw new EncodeError(
      `verify_data is ${f.verifyData.length} bytes; at least ${VERIFY_DATA_LENGTH}`,
    );
  }
  w.bytes(f.verifyData, 'verify_data', { explain: 'tls.finished.verify_data' });
}

export function readFinished(r: Reader): Finished {
  if (r.remaining < VERIFY_DATA_LENGTH) {
    throw new DecodeError(
      'decode.tls.verify_data_short',
      { length: r.remaining, min: VERIFY_DATA_LENGTH },
      r.offset,
    );
  }
  return { verifyData: r.rest('verify_data', { explain: 'tls.finished.verify_data' }) };
}
