/**
 * The client's check of the server's certificate chain, the same in TLS 1.2 (RFC 5246, Section
 * 7.4.2) and TLS 1.3 (RFC 8446, Section 4.4.2.4): validated against the trust anchors for the
 * server name, and a chain that fails is noted and refused with its fault's alert.
 */
import { validateChain, type ChainResult } from '../certificates/validate';
import type { ClientConfig } from '../config';
import type { HandshakeContext } from '../context';
import { fail, faultKey, type TlsError } from '../errors';

export async function checkServerChain(
  chain: readonly Uint8Array[],
  config: ClientConfig,
  ctx: HandshakeContext,
): Promise<Extract<ChainResult, { ok: true }>> {
  const result = await validateChain(chain, {
    hostname: config.serverName,
    now: ctx.clock.now(),
    trustAnchors: config.trustAnchors,
  });
  if (!result.ok) {
    const { kind, fault, params } = result.error;
    ctx.note('tls.client.certificate_rejected', { kind, reason: faultKey(fault), ...params });
    fail({ fault, params } as TlsError);
  }
  return result;
}
