/**
 * Optional client authentication in memory (RFC 5246, Sections 7.4.4 and 7.4.6): our server with
 * requestClientCertificate sends CertificateRequest, our client answers with an empty Certificate
 * before ClientKeyExchange, and both hash it into Finished and the EMS session hash. Then the
 * same flight with one thing wrong on the wire, and the alert each side must send for it; and the
 * error line `tls connect` prints when a server refuses the empty Certificate.
 *
 * The session hash is recomputed here with node:crypto over the handshake bytes taken from the
 * trace's own message events.
 */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { concatBytes, toHex } from '../../src/engine/bytes/hex';
import { connectFailureLine } from '../../src/cli/tls/connect';
import { scenarioById } from '../../src/engine/scenarios/catalog';
import { runTlsExchange, type TlsRunResult } from '../../src/engine/scenarios/tls-run';
import { runScenario } from '../../src/engine/scenarios/run-scenario';
import type { MessageEvent, NoteEvent, SecretEvent, StateEvent } from '../../src/engine/trace';
import type { ServerConfig } from '../../src/engine/tls/config';
import { alertDescriptionName, ContentType, HandshakeType } from '../../src/engine/tls/enums';
import { encodeHandshake, type HandshakeMessage } from '../../src/engine/tls/messages/handshake';
import { encodeRecord, RECORD_HEADER_LENGTH } from '../../src/engine/tls/record';
import { DEMO_ROOT_NAME } from '../fixtures/tls/samples';

const SEED = 'certificate request';

const requestCertificate = {
  server: (c: ServerConfig) => {
    c.requestClientCertificate = true;
  },
};

/** The handshake messages in the order they were sent, with the bytes the transcript hashes. */
function handshakeMessages(run: TlsRunResult): { from: string; name: string; bytes: Uint8Array }[] {
  return run.trace.events
    .filter((e): e is MessageEvent => e.kind === 'message' && e.bytes[0] === ContentType.handshake)
    .map((e) => ({
      from: e.from,
      name: e.name,
      bytes: e.decrypted ? e.decrypted.plaintext : e.bytes.subarray(RECORD_HEADER_LENGTH),
    }));
}

function states(run: TlsRunResult, lane: string): string[] {
  return run.trace.events
    .filter((e): e is StateEvent => e.kind === 'state' && e.lane === lane)
    .map((e) => e.to);
}

/** The msg_type of a plaintext handshake record, or undefined for any other record. */
function handshakeTypeOfRecord(bytes: Uint8Array): number | undefined {
  return bytes[0] === ContentType.handshake ? bytes[RECORD_HEADER_LENGTH] : undefined;
}

function record(...messages: (HandshakeMessage | Uint8Array)[]): Uint8Array {
  return encodeRecord({
    type: ContentType.handshake,
    version: 0x0303,
    fragment: concatBytes(
      ...messages.map((m) => (m instanceof Uint8Array ? m : encodeHandshake(m).bytes)),
    ),
  }).bytes;
}

/** The side that found the problem, the alert it sent, and why. */
function failure(run: TlsRunResult): { side?: string; alert?: string; error?: string } {
  const side = run.detectedAt?.side;
  const conn = side === 'client' ? run.client : run.server;
  const closing = conn.closingAlert;
  return {
    ...(side ? { side } : {}),
    ...(closing?.from === 'us' ? { alert: alertDescriptionName(closing.description) } : {}),
    ...(run.error ? { error: run.error } : {}),
  };
}

describe('a server that asks for a client certificate, in memory', async () => {
  const run = await runTlsExchange({ seed: SEED, ...requestCertificate });
  const messages = handshakeMessages(run);

  it('completes, with an empty Certificate from the client before ClientKeyExchange', () => {
    expect(run.error).toBeUndefined();
    expect(run.ok).toBe(true);
    expect(run.httpStatus).toBe('HTTP/1.1 200 OK');
    expect(messages.map((m) => `${m.from} ${m.name}`)).toEqual([
      'Client ClientHello',
      'Server ServerHello',
      'Server Certificate',
      'Server ServerKeyExchange',
      'Server CertificateRequest',
      'Server ServerHelloDone',
      'Client Certificate (empty)',
      'Client ClientKeyExchange',
      'Client Finished',
      'Server NewSessionTicket',
      'Server Finished',
    ]);
    // RFC 5246, Section 7.4.6: msg_type 11, length 3, certificate_list of length 0.
    const clientCertificate = messages.find(
      (m) => m.from === 'Client' && m.name === 'Certificate (empty)',
    );
    expect(toHex(clientCertificate!.bytes)).toBe('0b000003000000');
  });

  it('names the CA, the types and the schemes in the CertificateRequest', () => {
    const event = run.trace.events.find(
      (e): e is MessageEvent => e.kind === 'message' && e.name === 'CertificateRequest',
    )!;
    expect(event.decoded).toEqual({
      type: 'certificate_request',
      body: {
        certificateTypes: [1, 64],
        signatureSchemes: run.serverConfig.signatureSchemes,
        certificateAuthorities: [DEMO_ROOT_NAME],
      },
    });
  });

  it('explains the empty list, and says why the client sends it just before', () => {
    const events = run.trace.events;
    const at = events.findIndex(
      (e) => e.kind === 'message' && e.from === 'Client' && e.name === 'Certificate (empty)',
    );
    const event = events[at] as MessageEvent;
    const list = JSON.stringify(event.spans);
    expect(list).toContain('"explain":"tls.certificate.certificate_list.empty"');
    expect(list).not.toContain('"explain":"tls.certificate.certificate_list"');
    const note = events
      .slice(0, at)
      .reverse()
      .find((e): e is NoteEvent => e.kind === 'note');
    expect(note).toMatchObject({ lane: 'Client', key: 'tls.client.empty_certificate' });
  });

  it('hashes CertificateRequest and the empty Certificate into the EMS session hash', () => {
    const master = run.trace.events.find(
      (e): e is SecretEvent =>
        e.kind === 'secret' && e.lane === 'Client' && e.name === 'master_secret',
    )!;
    const throughKeyExchange = messages.slice(
      0,
      messages.findIndex((m) => m.name === 'ClientKeyExchange') + 1,
    );
    expect(throughKeyExchange.map((m) => m.name)).toContain('CertificateRequest');
    const sessionHash = createHash('sha256')
      .update(concatBytes(...throughKeyExchange.map((m) => m.bytes)))
      .digest('hex');
    const input = master.inputs.find((i) => i.name === 'session_hash')!.value as Uint8Array;
    expect(toHex(input)).toBe(sessionHash);
    // The server hashed the same bytes: it derived the same master secret.
    const serverMaster = run.trace.events.find(
      (e): e is SecretEvent =>
        e.kind === 'secret' && e.lane === 'Server' && e.name === 'master_secret',
    )!;
    expect(toHex(serverMaster.value)).toBe(toHex(master.value));
  });

  it('walks the client through one ExpectServerHelloDone, and the server through ExpectCertificate', () => {
    expect(states(run, 'Client')).toEqual([
      'ExpectServerHello',
      'ExpectCertificate',
      'ExpectServerKeyExchange',
      'ExpectServerHelloDone',
      'ExpectNewSessionTicket',
      'ExpectChangeCipherSpec',
      'ExpectFinished',
      'Traffic',
      'Closed',
    ]);
    expect(states(run, 'Server').slice(0, 4)).toEqual([
      'ExpectClientHello',
      'ExpectCertificate',
      'ExpectClientKeyExchange',
      'ExpectChangeCipherSpec',
    ]);
  });

  it('is what the scenario tls-client-certificate runs, for the page and its links', async () => {
    const scenario = scenarioById('tls-client-certificate')!;
    const outcome = await runScenario(scenario.settings);
    expect(outcome.ok).toBe(true);
    const messages = outcome.trace.events.flatMap((e) => (e.kind === 'message' ? [e] : []));
    expect(messages.map((m) => `${m.from} ${m.name}`)).toEqual(
      expect.arrayContaining(['Server CertificateRequest', 'Client Certificate (empty)']),
    );
    const run = await runTlsExchange({ seed: '1', ...requestCertificate });
    expect(messages.map((m) => toHex(m.bytes))).toEqual(
      run.trace.events.flatMap((e) => (e.kind === 'message' ? [toHex(e.bytes)] : [])),
    );
  });

  it('without the switch, the server sends no CertificateRequest and the client no Certificate', async () => {
    const plain = await runTlsExchange({ seed: SEED });
    expect(plain.ok).toBe(true);
    expect(handshakeMessages(plain).map((m) => `${m.from} ${m.name}`)).not.toContain(
      'Client Certificate (empty)',
    );
  });
});

describe('CertificateRequest out of place or malformed', () => {
  it('a second CertificateRequest → unexpected_message from the client (RFC 5246, §7.3)', async () => {
    const run = await runTlsExchange({
      seed: SEED,
      ...requestCertificate,
      onWire: ({ bytes }) =>
        handshakeTypeOfRecord(bytes) === HandshakeType.certificate_request
          ? concatBytes(bytes, bytes)
          : bytes,
    });
    expect(failure(run)).toEqual({
      side: 'client',
      alert: 'unexpected_message',
      error:
        'alert unexpected_message sent by the client: expected ServerHelloDone but got CertificateRequest',
    });
  });

  it('CertificateRequest before ServerKeyExchange → unexpected_message from the client', async () => {
    const run = await runTlsExchange({
      seed: SEED,
      ...requestCertificate,
      onWire: ({ bytes }) => {
        // The request moves in front of the ServerKeyExchange (and is dropped where it was).
        if (handshakeTypeOfRecord(bytes) === HandshakeType.certificate_request)
          return new Uint8Array(0);
        if (handshakeTypeOfRecord(bytes) === HandshakeType.server_key_exchange)
          return concatBytes(
            record({
              type: 'certificate_request',
              body: {
                certificateTypes: [1],
                signatureSchemes: [0x0401],
                certificateAuthorities: [],
              },
            }),
            bytes,
          );
        return bytes;
      },
    });
    expect(failure(run)).toEqual({
      side: 'client',
      alert: 'unexpected_message',
      error:
        'alert unexpected_message sent by the client: expected ServerKeyExchange but got CertificateRequest',
    });
  });

  it('a CertificateRequest with a trailing byte → decode_error from the client', async () => {
    const run = await runTlsExchange({
      seed: SEED,
      ...requestCertificate,
      onWire: ({ bytes }) => {
        if (handshakeTypeOfRecord(bytes) !== HandshakeType.certificate_request) return bytes;
        const body = bytes.subarray(RECORD_HEADER_LENGTH + 4);
        const longer = concatBytes(body, Uint8Array.of(0));
        const header = Uint8Array.of(13, 0, longer.length >> 8, longer.length & 0xff);
        return record(concatBytes(header, longer));
      },
    });
    expect(failure(run)).toMatchObject({ side: 'client', alert: 'decode_error' });
    expect(run.error).toMatch(/1 bytes of trailing data after CertificateRequest/);
  });

  it('something else where CertificateRequest or ServerHelloDone belongs names both', async () => {
    const run = await runTlsExchange({
      seed: SEED,
      onWire: ({ bytes }) =>
        handshakeTypeOfRecord(bytes) === HandshakeType.server_hello_done
          ? record({ type: 'finished', body: { verifyData: new Uint8Array(12) } })
          : bytes,
    });
    expect(failure(run)).toEqual({
      side: 'client',
      alert: 'unexpected_message',
      error:
        'alert unexpected_message sent by the client: expected CertificateRequest or ServerHelloDone but got Finished',
    });
  });

  it('our server refuses a client certificate it cannot verify → unsupported_certificate', async () => {
    const run = await runTlsExchange({
      seed: SEED,
      ...requestCertificate,
      onWire: ({ from, bytes }) =>
        from === 'client' && handshakeTypeOfRecord(bytes) === HandshakeType.certificate
          ? record({ type: 'certificate', body: { certificates: [DEMO_ROOT_NAME] } })
          : bytes,
    });
    expect(failure(run)).toMatchObject({ side: 'server', alert: 'unsupported_certificate' });
  });

  it('a client that skips the Certificate our server asked for → unexpected_message', async () => {
    const run = await runTlsExchange({
      seed: SEED,
      ...requestCertificate,
      onWire: ({ from, bytes }) =>
        from === 'client' && handshakeTypeOfRecord(bytes) === HandshakeType.certificate
          ? new Uint8Array(0)
          : bytes,
    });
    expect(failure(run)).toEqual({
      side: 'server',
      alert: 'unexpected_message',
      error:
        'alert unexpected_message sent by the server: expected Certificate but got ClientKeyExchange',
    });
  });
});

describe("tls connect's error line when a server refuses our empty Certificate", () => {
  /** A run whose server answers the client's flight with a fatal `alert` instead of Finished. */
  const refusedWith = (alert: number, requestClientCertificate: boolean) =>
    runTlsExchange({
      seed: SEED,
      server: (c) => {
        c.requestClientCertificate = requestClientCertificate;
      },
      onWire: ({ from, bytes }) =>
        from === 'server' && handshakeTypeOfRecord(bytes) === HandshakeType.new_session_ticket
          ? encodeRecord({
              type: ContentType.alert,
              version: 0x0303,
              fragment: Uint8Array.of(2, alert),
            }).bytes
          : bytes,
    });

  it('says the server requires a client certificate, for the alerts servers refuse it with', async () => {
    const run = await refusedWith(40, true);
    expect(connectFailureLine(run.client.failure!, run.trace.events)).toBe(
      'alert handshake_failure received from the server: it requires a client certificate, and this client has none',
    );
  });

  it('keeps the usual line for another alert, or when no certificate was asked for', async () => {
    const other = await refusedWith(51, true);
    expect(connectFailureLine(other.client.failure!, other.trace.events)).toBe(
      'alert decrypt_error received from the server: a signature or Finished message failed to verify',
    );
    const plain = await refusedWith(40, false);
    expect(connectFailureLine(plain.client.failure!, plain.trace.events)).toBe(
      'alert handshake_failure received from the server: it found no acceptable cipher suite, group or signature algorithm in what we offered',
    );
  });
});
