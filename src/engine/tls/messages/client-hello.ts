/**
 * ClientHello, RFC 5246, Section 7.4.1.2:
 *
 *   struct {
 *     ProtocolVersion client_version;
 *     Random random;
 *     SessionID session_id;                                  opaque SessionID<0..32>
 *     CipherSuite cipher_suites<2..2^16-2>;
 *     CompressionMethod compression_methods<1..2^8-1>;
 *     select (extensions_present) { case true: Extension extensions<0..2^16-1>; };
 *   } ClientHello;
 */
import { EncodeError, type Reader, type Writer } from '../../bytes';
import {
  showCipherSuite,
  showCompressionMethod,
  showVersion,
  cipherSuite,
  type CipherSuite,
} from '../enums';
import { readList, readOpaque, writeList, writeOpaque, type ListSpec } from './codec';
import { readExtensions, writeExtensions, type Extension } from './extensions';

export interface ClientHello {
  version: number;
  random: Uint8Array;
  sessionId: Uint8Array;
  cipherSuites: CipherSuite[];
  compressionMethods: number[];
  extensions: Extension[];
}

/** RFC 5246, Section 7.4.1.2: Random is 32 bytes (gmt_unix_time ‖ random_bytes[28]). */
export const RANDOM_LENGTH = 32;
/** RFC 5246, Section 7.4.1.2: opaque SessionID<0..32>. */
export const MAX_SESSION_ID_LENGTH = 32;

const cipherSuites: ListSpec = {
  name: 'cipher_suites',
  item: 'cipher_suite',
  prefix: 2,
  width: 2,
  min: 2,
  max: 0xfffe,
  explain: 'tls.client_hello.cipher_suites',
  fmt: { show: showCipherSuite },
};

const compressionMethods: ListSpec = {
  name: 'compression_methods',
  item: 'compression_method',
  prefix: 1,
  width: 1,
  min: 1,
  max: 0xff,
  explain: 'tls.client_hello.compression_methods',
  fmt: { show: showCompressionMethod },
};

export function writeClientHello(w: Writer, ch: ClientHello): void {
  w.u16(ch.version, 'client_version', {
    show: showVersion,
    explain: 'tls.client_hello.client_version',
  });
  if (ch.random.length !== RANDOM_LENGTH) {
    throw new EncodeError(`random is ${ch.random.length} bytes; it must be ${RANDOM_LENGTH}`);
  }
  if (ch.sessionId.length > MAX_SESSION_ID_LENGTH) {
    throw new EncodeError(
      `session_id is ${ch.sessionId.length} bytes; at most ${MAX_SESSION_ID_LENGTH}`,
    );
  }
  w.bytes(ch.random, 'random', { explain: 'tls.client_hello.random' });
  writeOpaque(w, 1, 'session_id', ch.sessionId, 'tls.client_hello.session_id');
  writeList(w, cipherSuites, ch.cipherSuites);
  writeList(w, compressionMethods, ch.compressionMethods);
  // RFC 5246, Section 7.4.1.2: the extensions block may be left out entirely; we leave it out when empty.
  if (ch.extensions.length > 0) {
    writeExtensions(w, ch.extensions, 'tls.client_hello.extensions');
  }
}

export function readClientHello(r: Reader): ClientHello {
  const version = r.u16('client_version', {
    show: showVersion,
    explain: 'tls.client_hello.client_version',
  });
  const random = r.bytes(RANDOM_LENGTH, 'random', { explain: 'tls.client_hello.random' });
  const sessionId = readOpaque(
    r,
    1,
    'session_id',
    { max: MAX_SESSION_ID_LENGTH },
    'tls.client_hello.session_id',
  );
  const suites = readList(r, cipherSuites);
  const compression = readList(r, compressionMethods);
  // "extensions_present": anything after compression_methods is the extensions block.
  const extensions = r.atEnd
    ? []
    : readExtensions(r, 'tls.client_hello.extensions', 'client_hello');
  return {
    version,
    random,
    sessionId,
    cipherSuites: suites.map(cipherSuite),
    compressionMethods: compression,
    extensions,
  };
}
