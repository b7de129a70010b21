/**
 * RFC 8446, Section 4.1.3: a HelloRetryRequest is a ServerHello whose random is the SHA-256 of
 * "HelloRetryRequest"; RFC 8446, Section 4.1.4 says what it may carry (key_share with the
 * selected group, cookie, supported_versions).
 */
import type { ServerHello } from '../../messages/server-hello';
import { isHelloRetryRandom } from '../../messages/hello-retry-random';

export { isHelloRetryRandom };

export function isHelloRetryRequest(hello: ServerHello): boolean {
  return isHelloRetryRandom(hello.random);
}
