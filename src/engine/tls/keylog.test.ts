import { describe, expect, it } from 'vitest';
import { negotiatedKeyLog, tls13KeyLogLines } from './keylog';

describe('NSS key log lines for TLS 1.3', () => {
  it('writes one line per secret, labelled as OpenSSL and Wireshark expect', () => {
    const random = new Uint8Array(32).fill(0xab);
    const lines = tls13KeyLogLines(random, {
      SERVER_HANDSHAKE_TRAFFIC_SECRET: new Uint8Array(32).fill(2),
      CLIENT_HANDSHAKE_TRAFFIC_SECRET: new Uint8Array(32).fill(1),
      EXPORTER_SECRET: new Uint8Array(48).fill(5),
    });
    expect(lines.split('\n')).toEqual([
      `CLIENT_HANDSHAKE_TRAFFIC_SECRET ${'ab'.repeat(32)} ${'01'.repeat(32)}`,
      `SERVER_HANDSHAKE_TRAFFIC_SECRET ${'ab'.repeat(32)} ${'02'.repeat(32)}`,
      `EXPORTER_SECRET ${'ab'.repeat(32)} ${'05'.repeat(48)}`,
      '',
    ]);
    expect(negotiatedKeyLog({ clientRandom: random, masterSecret: new Uint8Array(48) })).toMatch(
      /^CLIENT_RANDOM /,
    );
  });
});
