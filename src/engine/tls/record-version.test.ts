import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { runTlsExchange } from '../scenarios/tls-run';
import { AlertDescription } from './enums';

/** Flows of the default handshake: 0 ClientHello, 1 ServerHello, 2 Certificate, 3 ServerKeyExchange. */
function withRecordVersion(index: number, major: number, minor: number) {
  return runTlsExchange({
    seed: 'record version',
    onWire: (record) => {
      if (record.index !== index) return record.bytes;
      const altered = new Uint8Array(record.bytes);
      altered[1] = major;
      altered[2] = minor;
      return altered;
    },
  });
}

describe('record-layer version (RFC 5246, Section 6.2.1 and Appendix E.1)', () => {
  it('accepts an initial ClientHello record that says TLS 1.0, as OpenSSL sends it', async () => {
    const result = await withRecordVersion(0, 3, 1);
    expect(result.ok).toBe(true);
  });

  it('rejects a record that is not version 3.x with protocol_version', async () => {
    const result = await withRecordVersion(0, 2, 0);
    expect(result.ok).toBe(false);
    expect(result.server.failure?.fault).toBe('peer_misbehaved.record_version_not_tls');
    expect(result.server.closingAlert).toEqual({
      from: 'us',
      description: AlertDescription.protocol_version,
    });
  });

  it('rejects a record that is not TLS 1.2 once the hellos agreed on it', async () => {
    const result = await withRecordVersion(3, 3, 1);
    expect(result.ok).toBe(false);
    expect(result.client.failure?.fault).toBe('peer_misbehaved.record_version_changed');
    expect(result.client.closingAlert).toEqual({
      from: 'us',
      description: AlertDescription.protocol_version,
    });
  });
});
