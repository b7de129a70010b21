/**
 * RFC 8446, Section 4.1.2: after a HelloRetryRequest the client sends "the same ClientHello"
 * except that it may replace key_share, drop early_data, add the cookie, update pre_shared_key
 * and change padding. Every other extension must come back byte for byte, in the same order.
 */
import { bytesEqual } from '../../../bytes/hex';
import { Writer } from '../../../bytes/writer';
import { ExtensionType } from '../../enums';
import { fail } from '../../errors';
import { extensionTypeOf, writeExtension, type Extension } from '../../messages/extensions';

/** RFC 7685: the padding extension, which only the names table knows. */
const PADDING = 21;

const MAY_CHANGE: ReadonlySet<number> = new Set([
  ExtensionType.key_share,
  ExtensionType.early_data,
  ExtensionType.cookie,
  ExtensionType.pre_shared_key,
  PADDING,
]);

/** The extensions a retried ClientHello must repeat, each encoded, in order. */
export function fixedExtensions(extensions: readonly Extension[]): Uint8Array[] {
  return extensions
    .filter((ext) => !MAY_CHANGE.has(extensionTypeOf(ext)))
    .map((ext) => {
      const w = new Writer();
      writeExtension(w, ext);
      return w.toBytes();
    });
}

/**
 * An extension added, dropped, changed or moved between the two ClientHellos is
 * illegal_parameter, as OpenSSL answers it and tlsfuzzer's test-tls13-shuffled-extentions expects.
 */
export function checkRetryExtensions(
  first: readonly Uint8Array[],
  extensions: readonly Extension[],
): void {
  const second = fixedExtensions(extensions);
  if (second.length !== first.length || second.some((ext, i) => !bytesEqual(ext, first[i]!)))
    fail({ fault: 'peer_misbehaved.retry_hello_changed', params: { detail: 'extensions' } });
}
