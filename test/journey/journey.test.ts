/**
 * The whole journey: DNS, then TCP to the address DNS gave, then TLS checked against the host,
 * then the encrypted GET and its 200, on one virtual clock; and the visit again, from the
 * browser's cache and a resumed TLS session.
 */
import { describe, expect, it } from 'vitest';
import { toHex } from '../../src/engine/bytes';
import { LATENCY_MS } from '../../src/engine/dns/lookup';
import {
  JourneyInputError,
  WEB_LATENCY_MS,
  journeyLanes,
  journeyScenario,
  parseVisitUrl,
  runJourney,
  type JourneySettings,
  type TcpSegmentView,
} from '../../src/engine/scenarios/journey';
import { internetChecksum, parseIpv4 } from '../../src/engine/sim/packets';
import type { MessageEvent, Trace } from '../../src/engine/trace';

const preset = (id: string): JourneySettings =>
  journeyScenario.presets.find((p) => p.id === id)!.settings;

const messagesOf = (trace: Trace, range: readonly [number, number] = [0, trace.events.length]) =>
  trace.events.slice(...range).filter((e): e is MessageEvent => e.kind === 'message');

const tcpView = (m: MessageEvent) => m.decoded as TcpSegmentView;

/** A cold lookup of www.example.com: to the OS, to the recursive, and three server round trips. */
const COLD_DNS_MS =
  2 * (LATENCY_MS.loopback + LATENCY_MS.access) +
  2 * (LATENCY_MS.root + LATENCY_MS.tld + LATENCY_MS.authoritative);

describe('the journey, first visit', () => {
  it('chains DNS, TCP, TLS and HTTP on the documented lanes', async () => {
    const { trace, outcome } = await runJourney(preset('visit-again'), 1);
    expect(trace.lanes).toEqual(journeyLanes('www.example.com'));
    expect(trace.lanes).toEqual([
      'Browser',
      'OS resolver',
      'Recursive resolver',
      'Root',
      'TLD',
      'Authoritative',
      'Server www.example.com',
    ]);
    const first = outcome.first;
    const protocols = messagesOf(trace, first.events).map((m) => m.protocol);
    // DNS first, then TCP's three-way handshake, then TLS, then TCP's close.
    expect(protocols.join(' ')).toMatch(/^(dns ){10}(tcp ){3}(tls ){15}(tcp ){2}tcp$/);
    for (const m of messagesOf(trace)) {
      expect(trace.lanes).toContain(m.from);
      expect(trace.lanes).toContain(m.to);
    }
  });

  it('resolves through every layer, then connects to the address it got', async () => {
    const { trace, outcome } = await runJourney(preset('visit-again'), 1);
    const first = outcome.first;
    expect(first.dns).toMatchObject({
      answeredBy: 'Authoritative servers',
      rcode: 'NOERROR',
      addresses: ['203.0.113.80'],
      messages: 10,
    });
    expect(first.dns.finishedAtMs - first.dns.startedAtMs).toBe(COLD_DNS_MS);
    const [syn, synAck, ack] = messagesOf(trace, first.events).filter((m) => m.protocol === 'tcp');
    expect([syn!.name, synAck!.name, ack!.name]).toEqual(['SYN', 'SYN-ACK', 'ACK']);
    expect(tcpView(syn!).destination).toBe('203.0.113.80:443');
    expect(first.tcp?.server).toBe('203.0.113.80:443');
    // RFC 9293, Section 3.5: each side acknowledges the other's SYN, which counts as one byte.
    expect(tcpView(synAck!).ack).toBe((tcpView(syn!).seq + 1) >>> 0);
    expect(tcpView(ack!).ack).toBe((tcpView(synAck!).seq + 1) >>> 0);
    // The SYN leaves as soon as the browser has the address; the ClientHello right after the ACK.
    expect(syn!.t - trace.events[0]!.t).toBe(first.dns.finishedAtMs);
    expect(synAck!.t - syn!.t).toBe(WEB_LATENCY_MS);
    const hello = messagesOf(trace).find((m) => m.name === 'ClientHello')!;
    expect(hello.t).toBe(ack!.t);
    expect(hello.from).toBe('Browser');
  });

  it('checks the certificate against the host it looked up, and gets a 200', async () => {
    const { outcome } = await runJourney(preset('visit-again'), 1);
    expect(outcome.first.tls).toEqual({
      ok: true,
      resumed: false,
      cipherSuite: 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
      certificate: { checkedFor: 'www.example.com', result: 'valid' },
      alert: null,
    });
    expect(outcome.first.httpStatus).toBe('HTTP/1.1 200 OK');
    // DNS, then the TCP handshake (one round trip), the full TLS handshake (two), the GET (one).
    expect(outcome.first.responseAfterMs).toBe(COLD_DNS_MS + 4 * 2 * WEB_LATENCY_MS);
    expect(outcome.first.messages).toEqual({ dns: 10, tcp: 6, tls: 15, total: 31 });
  });

  it('carries the TLS bytes on the TCP connection: the FINs’ sequence numbers count them', async () => {
    const { trace, outcome } = await runJourney(preset('visit-again'), 1);
    const messages = messagesOf(trace, outcome.first.events);
    const tcp = messages.filter((m) => m.protocol === 'tcp');
    const tls = messages.filter((m) => m.protocol === 'tls');
    const sent = (lane: string) =>
      tls.filter((m) => m.from === lane).reduce((n, m) => n + m.bytes.length, 0);
    const syn = tcpView(tcp[0]!);
    const synAck = tcpView(tcp[1]!);
    const clientFin = tcpView(tcp[3]!);
    const serverFin = tcpView(tcp[4]!);
    expect([tcp[3]!.name, tcp[4]!.name, tcp[5]!.name]).toEqual(['FIN-ACK', 'FIN-ACK', 'ACK']);
    expect(clientFin.seq).toBe((syn.seq + 1 + sent('Browser')) >>> 0);
    expect(serverFin.seq).toBe((synAck.seq + 1 + sent('Server www.example.com')) >>> 0);
    // Every segment's checksum holds over its pseudo-header (RFC 9293, Section 3.1).
    for (const m of tcp) {
      const v = tcpView(m);
      const ip = (endpoint: string) => parseIpv4(endpoint.split(':')[0]!);
      const pseudo = Uint8Array.from([...ip(v.source), ...ip(v.destination), 0, 6, 0, 20]);
      expect(internetChecksum(pseudo, m.bytes)).toBe(0);
    }
  });

  it('runs on one virtual clock', async () => {
    const { trace } = await runJourney(preset('visit-again'), 1);
    for (let i = 1; i < trace.events.length; i++)
      expect(trace.events[i]!.t).toBeGreaterThanOrEqual(trace.events[i - 1]!.t);
  });
});

describe('the journey, visiting again', () => {
  it('30 s later: DNS from the browser cache, TLS resumed with the session ticket', async () => {
    const { trace, outcome } = await runJourney(preset('visit-again'), 1);
    const again = outcome.again!;
    expect(again.dns).toMatchObject({
      answeredBy: 'Browser',
      messages: 0,
      addresses: ['203.0.113.80'],
    });
    expect(again.tls).toMatchObject({
      ok: true,
      resumed: 'session_ticket',
      certificate: { checkedFor: 'www.example.com', result: 'not sent' },
    });
    expect(again.httpStatus).toBe('HTTP/1.1 200 OK');
    const names = messagesOf(trace, again.events)
      .filter((m) => m.protocol === 'tls')
      .map((m) => m.name);
    expect(names).not.toContain('Certificate');
    expect(names).not.toContain('ServerKeyExchange');
    // A new connection: its own port and handshake.
    expect(again.tcp!.client).not.toBe(outcome.first.tcp!.client);
    expect(again.startedAtMs).toBe(outcome.first.startedAtMs + outcome.first.durationMs + 30_000);
  });

  it('compares the two visits: fewer messages, sooner response', async () => {
    const { outcome } = await runJourney(preset('visit-again'), 1);
    const { first, again, saved } = outcome;
    expect(again!.messages).toEqual({ dns: 0, tcp: 6, tls: 10, total: 16 });
    // No DNS, then TCP (one round trip), the abbreviated handshake (one), the GET (one).
    expect(again!.responseAfterMs).toBe(3 * 2 * WEB_LATENCY_MS);
    expect(saved).toEqual({
      messages: first.messages.total - again!.messages.total,
      responseMs: first.responseAfterMs! - again!.responseAfterMs!,
    });
    expect(saved!.messages).toBe(15);
  });

  it('two minutes later: the OS resolver answers; the ticket still works', async () => {
    const { outcome } = await runJourney(preset('again-after-two-minutes'), 1);
    expect(outcome.again!.dns).toMatchObject({ answeredBy: 'OS resolver', messages: 2 });
    expect(outcome.again!.tls?.resumed).toBe('session_ticket');
  });

  it('ten minutes later: the answer and the session have both expired', async () => {
    const { outcome } = await runJourney(preset('again-after-ten-minutes'), 1);
    const again = outcome.again!;
    expect(again.dns.answeredBy).toBe('Authoritative servers');
    // The delegations live a day: only the example.com server is asked.
    expect(again.dns.queries.map((q) => q.lane)).toEqual(['Authoritative']);
    expect(again.tls).toMatchObject({ resumed: false, certificate: { result: 'valid' } });
    expect(again.messages.tls).toBe(outcome.first.messages.tls);
  });
});

describe('the journey to a host the certificate does not name', () => {
  it('resolves, connects, and stops at the certificate with bad_certificate', async () => {
    const { trace, outcome } = await runJourney(preset('wrong-certificate'), 1);
    const first = outcome.first;
    expect(first.dns.records.at(-1)).toBe('edge.example.com. 30 IN A 203.0.113.90');
    expect(first.address).toBe('203.0.113.90');
    expect(first.tls).toMatchObject({
      ok: false,
      certificate: { checkedFor: 'www.example.org', result: 'rejected' },
      alert: { description: 'bad_certificate', sentBy: 'Browser' },
    });
    expect(first.httpStatus).toBeNull();
    expect(first.responseAfterMs).toBeNull();
    expect(outcome.again).toBeNull();
    expect(trace.lanes.at(-1)).toBe('Server www.example.org');
  });
});

describe('the journey as data', () => {
  it('gives the same bytes for the same seed, and other bytes for another', async () => {
    const bytes = (trace: Trace) => messagesOf(trace).map((m) => toHex(m.bytes));
    const a = await runJourney(preset('visit-again'), 'seed');
    const b = await runJourney(preset('visit-again'), 'seed');
    const c = await runJourney(preset('visit-again'), 'other');
    expect(bytes(b.trace)).toEqual(bytes(a.trace));
    expect(b.outcome).toEqual(a.outcome);
    expect(bytes(c.trace)).not.toEqual(bytes(a.trace));
  });

  it('takes https URLs only', () => {
    expect(parseVisitUrl('https://WWW.Example.com/a?b=1')).toEqual({
      url: 'https://www.example.com/a?b=1',
      host: 'www.example.com',
      port: 443,
      path: '/a?b=1',
    });
    expect(() => parseVisitUrl('http://www.example.com/')).toThrow(JourneyInputError);
    expect(() => parseVisitUrl('not a url')).toThrow(JourneyInputError);
  });

  it('a name that does not exist ends the visit after DNS', async () => {
    const { outcome } = await runJourney(
      { url: 'https://nope.example.com/', againAfterSeconds: null },
      1,
    );
    expect(outcome.first).toMatchObject({ address: null, tcp: null, tls: null, httpStatus: null });
    expect(outcome.first.dns.rcode).toBe('NXDOMAIN');
    expect(outcome.first.messages).toEqual({ dns: 10, tcp: 0, tls: 0, total: 10 });
  });
});
