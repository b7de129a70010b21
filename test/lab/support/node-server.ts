/** A node:tls (OpenSSL) server on loopback, TLS 1.2 only, answering each request with a 200. */
import { createServer, type Server, type TlsOptions, type TLSSocket } from 'node:tls';
import { answerHttp, closeServer, listenOnFreePort, pem } from '../../tls/support/peers';

export interface NodeServer {
  server: Server;
  port: number;
  /** The suite (IANA name) of each handshake that completed. */
  negotiated: string[];
  /** Every `keylog` line OpenSSL wrote: "CLIENT_RANDOM <client random> <master secret>". */
  keylog: string[];
}

/** Both demo leaves with their intermediates, so OpenSSL can choose RSA or ECDSA suites. */
export const DEMO_CREDENTIALS: TlsOptions = {
  cert: [pem('rsa.chain.pem'), pem('ecdsa.chain.pem')],
  key: [pem('rsa.key.pem'), pem('ecdsa.key.pem')],
};

export async function withNodeServer<T>(
  options: TlsOptions,
  body: (node: NodeServer) => Promise<T>,
): Promise<T> {
  const negotiated: string[] = [];
  const keylog: string[] = [];
  const server = createServer(
    { minVersion: 'TLSv1.2', maxVersion: 'TLSv1.2', ...DEMO_CREDENTIALS, ...options },
    (socket: TLSSocket) => {
      negotiated.push(socket.getCipher().standardName);
      answerHttp(socket);
    },
  );
  server.on('keylog', (line: Buffer) => keylog.push(line.toString('utf8').trim()));
  server.on('tlsClientError', () => {});
  const port = await listenOnFreePort(server);
  try {
    return await body({ server, port, negotiated, keylog });
  } finally {
    await closeServer(server);
  }
}
