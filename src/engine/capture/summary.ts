/** The plain listing of an opened capture that `capture --json` prints and the tests compare. */
import type { OpenedCapture } from './capture';

export interface CaptureSummary {
  connections: {
    kind: 'tls' | 'dns';
    client: string;
    server: string;
    messages: {
      from: 'client' | 'server';
      name: string;
      bytes: number;
      encrypted: boolean;
      decrypted: boolean;
    }[];
  }[];
}

export function captureSummary(capture: OpenedCapture): CaptureSummary {
  return {
    connections: capture.connections.map((c) => ({
      kind: c.kind,
      client: c.client,
      server: c.server,
      messages: c.trace.events.flatMap((e) =>
        e.kind === 'message'
          ? [
              {
                from: e.from === c.client ? ('client' as const) : ('server' as const),
                name: e.name,
                bytes: e.bytes.length,
                encrypted: e.encrypted,
                decrypted: e.decrypted !== undefined,
              },
            ]
          : [],
      ),
    })),
  };
}
