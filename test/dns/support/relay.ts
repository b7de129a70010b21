/**
 * A UDP relay that records what passes through it: a client (dig) asks the relay, the relay asks
 * the real server and hands the reply back unchanged. The test gets the exact bytes dig received.
 */
import { createSocket, type RemoteInfo } from 'node:dgram';

export interface UdpRelay {
  port: number;
  /** Each reply the server sent back, in order. */
  replies: Uint8Array[];
  close(): Promise<void>;
}

export async function startUdpRelay(
  host: string,
  upstream: { host: string; port: number },
): Promise<UdpRelay> {
  const front = createSocket('udp4');
  const replies: Uint8Array[] = [];
  front.on('message', (query: Buffer, client: RemoteInfo) => {
    const back = createSocket('udp4');
    const timer = setTimeout(() => back.close(), 5_000);
    back.on('error', () => {});
    back.once('message', (reply: Buffer) => {
      clearTimeout(timer);
      back.close();
      replies.push(new Uint8Array(reply));
      front.send(reply, client.port, client.address);
    });
    back.send(query, upstream.port, upstream.host);
  });
  await new Promise<void>((resolve, reject) => {
    front.once('error', reject);
    front.bind({ address: host, port: 0 }, () => resolve());
  });
  return {
    port: front.address().port,
    replies,
    close: () => new Promise<void>((resolve) => front.close(() => resolve())),
  };
}
