/**
 * The fuzz targets with their seeds: the real bytes from test/fixtures (OpenSSL's records) and
 * test/fuzz/fixtures (packets between dig and nsd), the demo universe's zone files, and whatever
 * our own encoders make (the targets add those). Vitest and `npm run fuzz` both build the
 * targets here, so both fuzz the same thing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromHex } from '../../src/engine/bytes/hex';
import * as leaves from '../../src/engine/dns/universe/leaves';
import { ROOT_ZONE } from '../../src/engine/dns/universe/root';
import * as tlds from '../../src/engine/dns/universe/tlds';
import { dnsDecoderTarget, zoneParserTarget } from './targets/dns-codecs';
import { dnsResolverTarget } from './targets/dns-resolver';
import type { FuzzTarget } from './targets/target';
import {
  tlsDecoderSeeds,
  tlsExtensionsTarget,
  tlsHandshakeTarget,
  tlsProtectionTarget,
  tlsRecordLayerTarget,
  tlsRecordsTarget,
} from './targets/tls-decoders';
import {
  tls13ExtensionsTarget,
  tls13HandshakeSeeds,
  tls13HandshakeTarget,
  tls13ProtectionTarget,
} from './targets/tls13-decoders';
import {
  tls13ClientTarget,
  tlsClientTarget,
  tlsExchangeTarget,
  tlsServerTarget,
} from './targets/tls-machines';

const TLS_FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'tls');
const DNS_FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'dns');

/** Records captured from `openssl s_client` and `openssl s_server` (test/fixtures/tls/README.md). */
export function opensslRecords(): Uint8Array[] {
  return [
    'openssl-client-hello-tls12.hex',
    'openssl-client-hello-tls13.hex',
    'openssl-server-flight-tls12.hex',
  ].map((file) => fromHex(readFileSync(join(TLS_FIXTURES, file), 'utf8').trim()));
}

interface NsdDigCapture {
  captured: string;
  zone: string;
  packets: { what: string; query: string; response: string }[];
}

function nsdDig(): NsdDigCapture {
  return JSON.parse(
    readFileSync(join(import.meta.dirname, 'fixtures', 'nsd-dig.json'), 'utf8'),
  ) as NsdDigCapture;
}

/** Every query dig sent and every response nsd sent back (fixtures/capture-dns.ts). */
export function nsdDigPackets(): Uint8Array[] {
  return nsdDig().packets.flatMap((p) => [fromHex(p.query), fromHex(p.response)]);
}

/** Real master files: the demo universe's zones, the authoritative tests' zone, nsd's zone. */
export function zoneTexts(): string[] {
  return [
    ROOT_ZONE,
    ...Object.values(tlds),
    ...Object.values(leaves),
    readFileSync(join(DNS_FIXTURES, 'wild.example.zone'), 'utf8'),
    nsdDig().zone,
  ].filter((t): t is string => typeof t === 'string');
}

let built: Promise<FuzzTarget<unknown>[]> | undefined;

/** Every fuzz target, in report order. Built once per process (the TLS seeds need handshakes). */
export function fuzzTargets(): Promise<FuzzTarget<unknown>[]> {
  built ??= (async () => {
    const tls = await tlsDecoderSeeds(opensslRecords());
    const targets: FuzzTarget<unknown>[] = [
      tlsRecordsTarget(tls),
      tlsHandshakeTarget(tls),
      tlsExtensionsTarget(tls),
      tls13HandshakeTarget(tls13HandshakeSeeds()),
      tls13ExtensionsTarget(tls13HandshakeSeeds()),
      tlsRecordLayerTarget(tls),
      tlsProtectionTarget(),
      tls13ProtectionTarget(),
      tlsClientTarget(),
      tls13ClientTarget(),
      tlsServerTarget(),
      tlsExchangeTarget(),
      dnsDecoderTarget(nsdDigPackets()),
      zoneParserTarget(zoneTexts()),
      dnsResolverTarget(),
    ];
    return targets;
  })();
  return built;
}
