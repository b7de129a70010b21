/**
 * The probe's ClientHello → answer pairs (`exchanges` in `tls probe --json --exchanges`) against a real
 * openssl s_server, read back the way the app's negotiation report reads them: parsed, then each
 * pair decoded into the messages its inspector shows.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { flattenSpans } from '../../src/engine/bytes/span';
import {
  HELLO_RETRY_REQUEST_RANDOM,
  answerSummary,
  exchangeMessages,
} from '../../src/engine/scenarios/probe-exchange';
import { parseProbeJson, type ProbeReport } from '../../src/engine/scenarios/probe-json';
import type { MessageEvent } from '../../src/engine/trace';
import { pem } from './support/peers';
import { probeWithExchanges, startSServer, type Peer } from './support/probe-peers';

let peer: Peer | undefined;
afterEach(async () => {
  await peer?.stop();
  peer = undefined;
});

function derOf(pemText: string): Uint8Array {
  const b64 = pemText.replace(/-----[^-]+-----/g, '').replace(/\s/g, '');
  return new Uint8Array(Buffer.from(b64, 'base64'));
}

function contains(haystack: Uint8Array, needle: Uint8Array): boolean {
  return Buffer.from(haystack).indexOf(Buffer.from(needle)) >= 0;
}

const messagesOf = (m: ReturnType<typeof exchangeMessages>): MessageEvent[] =>
  m.trace.events.filter((e): e is MessageEvent => e.kind === 'message');

describe('tls probe --json exchanges, decoded for the negotiation report', () => {
  it('keeps every connection’s ClientHello and s_server’s answer, and they decode', async () => {
    peer = await startSServer([
      '-tls1_2',
      '-serverpref',
      '-cipher',
      'AES128-SHA:ECDHE-RSA-AES256-GCM-SHA384',
    ]);
    const json = await probeWithExchanges(peer, ['--servername', 'www.example.com']);
    const parsed = parseProbeJson(json);
    if (!parsed.ok) throw new Error(parsed.detail);
    const report: ProbeReport = parsed.report;
    const exchanges = report.exchanges!;
    // One pair per connection the probe made, in the order it made them.
    expect(exchanges).toHaveLength(json.connections);

    const decoded = exchanges.map((x) => ({ x, m: exchangeMessages(x) }));
    for (const { x, m } of decoded) {
      expect(m.problem).toBeUndefined();
      const [hello, ...answer] = messagesOf(m);
      expect(hello!.name).toBe('ClientHello');
      expect(hello!.from).toBe('Client');
      expect(hello!.bytes).toEqual(x.clientHello);
      // The answer's records, end to end, are the bytes the server sent.
      expect(Buffer.concat(answer.map((a) => a.bytes))).toEqual(Buffer.from(x.answer));
      for (const a of answer) expect(a.from).toBe('Server');
      // The list's summary, read from the first record alone, says what the whole answer says.
      expect(answerSummary(x)).toEqual(m.answer);
    }

    // TLS 1.0 is refused with an alert record, as s_server -tls1_2 sends it.
    const tls10 = decoded.find(({ x }) => x.version === 'TLSv1.0')!;
    expect(tls10.m.answer.kind).toBe('alert');
    expect(messagesOf(tls10.m)[1]!.name).toMatch(/^Alert \w+$/);

    // The suites the report lists are the ones the TLS 1.2 ServerHellos chose, in that order.
    const chosen = decoded
      .filter(({ x, m }) => x.version === 'TLSv1.2' && m.answer.kind === 'hello')
      .map(({ m }) => (m.answer.kind === 'hello' ? m.answer.suite.replace(/ \(.*$/, '') : ''));
    expect(chosen.slice(0, 2)).toEqual(report.versions['TLSv1.2'].suites);
    expect(report.versions['TLSv1.2'].suites).toEqual([
      'TLS_RSA_WITH_AES_128_CBC_SHA',
      'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
    ]);

    // The first accepted flight: ServerHello, the demo leaf in Certificate, ServerHelloDone.
    const first = decoded.find(({ m }) => m.answer.kind === 'hello')!;
    const names = messagesOf(first.m).map((e) => e.name);
    expect(names).toEqual(['ClientHello', 'ServerHello', 'Certificate', 'ServerHelloDone']);
    const certificate = messagesOf(first.m)[2]!;
    expect(contains(certificate.bytes, derOf(pem('rsa.cert.pem')))).toBe(true);

    // The ClientHello's cipher_suites field holds as many suites as the probe says it offered.
    const offered = Number(/^suites: (\d+)$/.exec(first.x.offered)![1]);
    const suitesSpan = flattenSpans(messagesOf(first.m)[0]!.spans).find(
      ({ span }) => span.name === 'cipher_suites',
    )!.span;
    expect(suitesSpan.length).toBe(2 + 2 * offered);
  });

  it('names TLS 1.3 answers as s_server sent them: ServerHello, or HelloRetryRequest', async () => {
    peer = await startSServer(['-tls1_3', '-groups', 'P-256:X25519']);
    const json = await probeWithExchanges(peer);
    const parsed = parseProbeJson(json);
    if (!parsed.ok) throw new Error(parsed.detail);
    const decoded = parsed.report.exchanges!.map((x) => ({ x, m: exchangeMessages(x) }));
    const answered = (offered: RegExp) =>
      decoded.filter(({ x, m }) => offered.test(x.offered) && m.answer.kind === 'hello');
    // With an x25519 share in the hello, s_server answers at once.
    const suiteProbes = answered(/^suites: /);
    expect(suiteProbes.length).toBeGreaterThan(0);
    for (const { m } of suiteProbes) expect(messagesOf(m)[1]!.name).toBe('ServerHello');
    // The group probes send no share that fits, so each answer is a HelloRetryRequest naming the
    // group the server wants: one per group found, then two for the order check.
    const groupProbes = answered(/^groups: /);
    expect(groupProbes).toHaveLength(json.groups.length + 2);
    for (const { m } of groupProbes) {
      const hrr = messagesOf(m)[1]!;
      expect(hrr.name).toBe('HelloRetryRequest');
      expect(contains(hrr.bytes, HELLO_RETRY_REQUEST_RANDOM)).toBe(true);
    }
  });
});
