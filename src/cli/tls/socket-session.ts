/**
 * Runs one TlsConnection over a real TCP socket: bytes from the socket go into the engine, records
 * from the engine go onto the socket, strictly in order.
 */
import type { Socket } from 'node:net';
import type { TlsConnection } from '../../engine/tls/connection';

export interface SocketPumpHooks {
  /** Called after every batch of input has been processed; may write application data. */
  afterInput(): void;
}

export function pumpSocket<S extends { name: string }>(
  socket: Socket,
  conn: TlsConnection<S>,
  hooks: SocketPumpHooks,
  timeoutMs: number,
): Promise<void> {
  return new Promise((resolve) => {
    let chain = Promise.resolve();
    let finished = false;
    const finish = (): void => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      socket.end();
      resolve();
    };
    const flush = (): void => {
      for (const record of conn.takeOutgoing()) if (!socket.destroyed) socket.write(record);
      if (conn.isClosed) {
        finished = true;
        clearTimeout(timer);
        // Let the last records (close_notify, or our alert) reach the peer before closing.
        socket.end(() => resolve());
      }
    };
    const timer = setTimeout(() => {
      conn.abortTimeout();
      flush();
      finish();
    }, timeoutMs);
    socket.on('data', (data: Buffer) => {
      chain = chain.then(async () => {
        if (finished) return;
        await conn.receive(new Uint8Array(data));
        hooks.afterInput();
        flush();
      });
    });
    socket.on('end', () => {
      chain = chain.then(() => {
        if (!conn.isClosed) conn.peerClosedTransport();
        finish();
      });
    });
    socket.on('error', (e: NodeJS.ErrnoException) => {
      chain = chain.then(() => {
        conn.transportFailed(e.code ?? e.message);
        finish();
      });
    });
    hooks.afterInput();
    flush();
  });
}
