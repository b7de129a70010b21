/**
 * TLS records as a classic pcap: each connection is one TCP conversation (RFC 9293) carrying the
 * records in the order and at the virtual times they were sent, so Wireshark reassembles the TLS
 * stream and, given the key log (../tls/keylog.ts), decrypts it. The browser's "Download pcap" and the
 * CLI's `tls demo --pcap` both write their captures with this code.
 */
import { PcapWriter } from './pcap';
import { Ipv4IdCounter, type Endpoint } from './packets';
import { SeededRng, type Rng } from './rng';
import { TcpConversation } from './tcp-conversation';

/** Documentation addresses (RFC 5737, TEST-NET-1) and the first dynamic port (RFC 6335, 6). */
export const TLS_CLIENT: Endpoint = { ip: '192.0.2.10', port: 49152 };
export const TLS_SERVER: Endpoint = { ip: '192.0.2.20', port: 443 };

/**
 * The TCP handshake ends one round trip before the first record (the demo link's latency is 20 ms
 * each way), and the client's FIN follows the last record by half of one.
 */
export const TCP_ROUND_TRIP_MS = 40;

/** One TLS record as it left its sender. */
export interface TlsFlow {
  t: number;
  from: 'client' | 'server';
  bytes: Uint8Array;
}

export interface TlsConnectionCapture {
  client: Endpoint;
  server: Endpoint;
  flows: readonly TlsFlow[];
}

/** The initial sequence numbers of every capture made from one seed start from this RNG. */
export function pcapRng(seed: number | string): Rng {
  return new SeededRng(`pcap ${seed}`);
}

/** Adds one connection, from SYN to the last ACK of the FIN exchange, to `writer`. */
export function addTlsConnection(
  writer: PcapWriter,
  connection: TlsConnectionCapture,
  rng: Rng,
  ipIds?: Ipv4IdCounter,
): void {
  const { flows } = connection;
  if (flows.length === 0) return;
  const tcp = new TcpConversation({
    client: connection.client,
    server: connection.server,
    clientIsn: rng.uint32(),
    serverIsn: rng.uint32(),
    ...(ipIds ? { ipIds } : {}),
  });
  tcp.open(flows[0]!.t - TCP_ROUND_TRIP_MS);
  for (const flow of flows) tcp.send(flow.t, flow.from, flow.bytes);
  tcp.close(flows[flows.length - 1]!.t + TCP_ROUND_TRIP_MS / 2, 'client');
  tcp.writeTo(writer);
}

/** One connection between TLS_CLIENT and TLS_SERVER, as `tls demo --pcap` writes it. */
export function tlsFlowsToPcap(flows: readonly TlsFlow[], seed: number | string): Uint8Array {
  const writer = new PcapWriter();
  addTlsConnection(writer, { client: TLS_CLIENT, server: TLS_SERVER, flows }, pcapRng(seed));
  return writer.toBytes();
}
