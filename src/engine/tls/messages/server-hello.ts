/**
 * ServerHello, RFC 5246, Section 7.4.1.3:
 *
 *   struct {
 *     ProtocolVersion server_version;
 *     Random random;
 *     SessionID session_id;
 *     CipherSuite cipher_suite;
 *     CompressionMethod compression_method;
 *     select (extensions_present) { case true: Extension extensions<0..2^16-1>; };
 *   } ServerHello;
 */
import { EncodeError, type Reader, type Writer } from '../../bytes';
import {
  showCipherSuite,
  showCompressionMethod,
  showVersion,
  cipherSuite,
  type CipherSuite,
} from '../enums';
import { isHelloRetryRandom } from './hello-retry-random';
import { MAX_SESSION_ID_LENGTH, RANDOM_LENGTH } from './client-hello';
import { readOpaque, writeOpaque } from './codec';
import { readExtensions, writeExtensions, type Extension } from './extensions';

export interface ServerHello {
  version: number;
  random: Uint8Array;
  sessionId: Uint8Array;
  cipherSuite: CipherSuite;
  compressionMethod: number;
  extensions: Extension[];
}

export function writeServerHello(w: Writer, sh: ServerHello): void {
  w.u16(sh.version, 'server_version', {
    show: showVersion,
    explain: 'tls.server_hello.server_version',
  });
  if (sh.random.length !== RANDOM_LENGTH) {
    throw new EncodeError(`random is ${sh.random.length} bytes; it must be ${RANDOM_LENGTH}`);
  }
  if (sh.sessionId.length > MAX_SESSION_ID_LENGTH) {
    throw new EncodeError(
      `session_id is ${sh.sessionId.length} bytes; at most ${MAX_SESSION_ID_LENGTH}`,
    );
  }
  w.bytes(sh.random, 'random', { explain: 'tls.server_hello.random' });
  writeOpaque(w, 1, 'session_id', sh.sessionId, 'tls.server_hello.session_id');
  w.u16(sh.cipherSuite, 'cipher_suite', {
    show: showCipherSuite,
    explain: 'tls.server_hello.cipher_suite',
  });
  w.u8(sh.compressionMethod, 'compression_method', {
    show: showCompressionMethod,
    explain: 'tls.server_hello.compression_method',
  });
  if (sh.extensions.length > 0) {
    writeExtensions(w, sh.extensions, 'tls.server_hello.extensions');
  }
}

export function readServerHello(r: Reader): ServerHello {
  const version = r.u16('server_version', {
    show: showVersion,
    explain: 'tls.server_hello.server_version',
  });
  const random = r.bytes(RANDOM_LENGTH, 'random', { explain: 'tls.server_hello.random' });
  const sessionId = readOpaque(
    r,
    1,
    'session_id',
    { max: MAX_SESSION_ID_LENGTH },
    'tls.server_hello.session_id',
  );
  const suite = cipherSuite(
    r.u16('cipher_suite', { show: showCipherSuite, explain: 'tls.server_hello.cipher_suite' }),
  );
  const compressionMethod = r.u8('compression_method', {
    show: showCompressionMethod,
    explain: 'tls.server_hello.compression_method',
  });
  // RFC 8446, Section 4.1.3: a HelloRetryRequest is a ServerHello with a special random, and
  // its extensions read as a HelloRetryRequest's (Section 4.2).
  const context = isHelloRetryRandom(random) ? 'hello_retry_request' : 'server_hello';
  const extensions = r.atEnd ? [] : readExtensions(r, 'tls.server_hello.extensions', context);
  return { version, random, sessionId, cipherSuite: suite, compressionMethod, extensions };
}
