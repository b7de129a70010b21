/**
 * Runs one TlsConnection over a real TCP socket: bytes from the socket go into the engine, records
 * from the engine go onto the socket, strictly in order, and the socket is always released.
 *
 * Each batch of outgoing records (a flight) goes out in one write with Nagle off: written record by
 * record, a flight's second segment waits for the ACK of its first, which the peer delays by up to
 * 40 ms (Linux's delayed ACK), on every connection.
 */
import type { Socket } from 'node:net';
import { concatBytes } from '../../engine/bytes/hex';
import type { TlsConnection } from '../../engine/tls/connection';

export interface SocketPumpHooks {
  /** Called after every batch of input has been processed; may write application data. */
  afterInput(): void | Promise<void>;
}

export interface PumpDeadlines {
  /** The whole handshake, from accepting (or connecting) to Traffic; data does not extend it. */
  handshakeMs: number;
  /** After the handshake: the longest wait for the peer's next bytes. */
  idleMs: number;
}

export interface PumpOptions {
  /** A number sets both deadlines. */
  deadlines: PumpDeadlines | number;
  /**
   * Once aborted (the server is stopping), a connection in Traffic sends close_notify and ends; one
   * still in its handshake is dropped.
   */
  signal?: AbortSignal;
  /**
   * What the idle deadline does in Traffic. 'fail' (the default, for our client, which is waiting
   * for an answer): the connection fails with the timeout. 'close' (for our server, whose client
   * has simply gone quiet): close_notify, a graceful close either side may start (RFC 5246,
   * Section 7.2.1), rather than an alert that reads like a fault of ours.
   */
  onIdle?: 'fail' | 'close';
}

/** How the conversation ended, as far as the pump knows: `idleClosed` after a graceful idle close. */
export interface PumpOutcome {
  idleClosed: boolean;
}

/**
 * After our close_notify and FIN, how long to wait for the peer's FIN before destroying the socket.
 * nginx's lingering_timeout is 5 s: enough for the peer to read what we sent, while any bytes it
 * still sends are read and dropped instead of answered with a reset that could destroy our reply.
 */
export const LINGER_MS = 5_000;

/**
 * Resolves once the TLS conversation is over: closed, and our last records handed to the socket.
 * The socket itself is destroyed a little later (at the latest after LINGER_MS).
 */
export function pumpSocket<S extends { name: string }>(
  socket: Socket,
  conn: TlsConnection<S>,
  hooks: SocketPumpHooks,
  options: PumpOptions | number,
): Promise<PumpOutcome> {
  const {
    deadlines,
    signal,
    onIdle = 'fail',
  } = typeof options === 'number' ? { deadlines: options } : options;
  const { handshakeMs, idleMs } =
    typeof deadlines === 'number' ? { handshakeMs: deadlines, idleMs: deadlines } : deadlines;
  socket.setNoDelay(true);
  let idleClosed = false;
  return new Promise<void>((resolve) => {
    let chain = Promise.resolve();
    let finished = false;
    let timer: NodeJS.Timeout | undefined;
    let inTraffic = false;
    let peerEnded = false;

    const arm = (ms: number, deadline: string): void => {
      clearTimeout(timer);
      timer = setTimeout(() => {
        chain = chain.then(() => {
          if (finished) return;
          if (inTraffic && onIdle === 'close' && conn.isTraffic) {
            idleClosed = true;
            conn.close();
            flush();
            return;
          }
          conn.abortTimeout(deadline);
          write();
          release();
        });
      }, ms);
    };
    /** The socket can go: destroy it once our bytes are out, or at once if they cannot leave. */
    const release = (): void => {
      if (!finished) {
        finished = true;
        resolve();
      }
      clearTimeout(timer);
      if (socket.destroyed) return;
      if (!socket.writable) socket.destroy();
      else socket.end(() => socket.destroy());
      setTimeout(() => socket.destroy(), LINGER_MS).unref();
    };
    /** Our side is done: FIN after the last records, then wait (boundedly) for the peer's FIN. */
    const finish = (): void => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      if (peerEnded || !socket.writable) {
        release();
        return;
      }
      socket.end(() => resolve());
      const linger = setTimeout(() => socket.destroy(), LINGER_MS);
      linger.unref();
      socket.once('close', () => {
        clearTimeout(linger);
        resolve();
      });
    };
    const write = (): void => {
      const records = conn.takeOutgoing();
      if (records.length === 0 || !socket.writable) return;
      socket.write(records.length === 1 ? records[0]! : concatBytes(...records));
    };
    const flush = (): void => {
      // A peer that sent close_notify has had its say: answer with ours once the hooks had their turn.
      if (conn.peerClosed && !conn.isClosed) conn.close();
      write();
      if (conn.isClosed) finish();
      else if (!inTraffic && conn.isTraffic) {
        inTraffic = true;
        arm(idleMs, `idle deadline ${idleMs} ms`);
      }
    };
    const step = (body: () => Promise<void> | void): void => {
      chain = chain.then(async () => {
        if (finished) return;
        try {
          await body();
        } catch (e) {
          // A hook that throws must not leave the socket open: end the connection, say why.
          conn.transportFailed(`internal: ${e instanceof Error ? e.message : String(e)}`);
          release();
        }
      });
    };

    arm(handshakeMs, `handshake deadline ${handshakeMs} ms`);
    socket.on('data', (data: Buffer) => {
      if (finished) return;
      if (inTraffic) arm(idleMs, `idle deadline ${idleMs} ms`);
      step(async () => {
        await conn.receive(new Uint8Array(data));
        await hooks.afterInput();
        flush();
      });
    });
    socket.on('end', () => {
      peerEnded = true;
      if (finished) {
        socket.destroy();
        return;
      }
      step(() => {
        if (conn.peerClosed) conn.close();
        else conn.peerClosedTransport();
        write();
        release();
      });
    });
    socket.on('error', (e: NodeJS.ErrnoException) => {
      step(() => conn.transportFailed(e.code ?? e.message));
      chain = chain.then(release);
    });
    const stop = (): void =>
      step(() => {
        if (conn.isTraffic) {
          conn.close();
          write();
        } else conn.transportFailed('the server is stopping');
        release();
      });
    if (signal?.aborted) stop();
    signal?.addEventListener('abort', stop, { once: true });
    socket.once('close', () => signal?.removeEventListener('abort', stop));
    step(async () => {
      await hooks.afterInput();
      flush();
    });
  }).then((): PumpOutcome => ({ idleClosed }));
}
