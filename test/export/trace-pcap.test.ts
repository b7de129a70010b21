/**
 * The browser's "Download pcap" and "Download key log" are built from the Trace alone. These tests
 * check them against the CLI's captures (byte for byte) and against tshark: the HTTP inside the
 * TLS decrypts with the key log, and nothing is malformed or has a bad checksum.
 */
import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { toPcap } from '../../src/cli/tls/demo';
import { runDnsLookup } from '../../src/engine/dns';
import { runTlsExchange } from '../../src/engine/scenarios/tls-run';
import { dnsTraceToPcap } from '../../src/engine/dns/pcap';
import { keyLogLine, traceKeyLog } from '../../src/engine/tls/keylog';
import { traceToPcap, tlsConnections } from '../../src/engine/export/trace-pcap';
import type { MessageEvent, Trace } from '../../src/engine/trace';
import {
  CHECKSUM_ARGS,
  tsharkFields,
  tsharkMalformedCount,
  writeTempFile,
} from '../helpers/tshark';

describe('a TLS run exported from its trace', () => {
  it('is the same capture as `tls demo --pcap`, and the key log is the same line', async () => {
    const result = await runTlsExchange({ seed: '7' });
    expect(result.ok).toBe(true);
    const exported = traceToPcap(result.trace, '7');
    expect(exported.connections).toBe(1);
    expect(Buffer.from(exported.file).equals(Buffer.from(toPcap(result, '7')))).toBe(true);
    const n = result.client.negotiated;
    expect(traceKeyLog(result.trace)).toBe(keyLogLine(n.clientRandom!, n.masterSecret!));
  });

  it('decrypts in tshark to the HTTP GET and its 200, and nothing is malformed', async () => {
    const result = await runTlsExchange({ seed: '1' });
    const pcap = writeTempFile('run.pcap', traceToPcap(result.trace, '1').file);
    const keylog = writeTempFile('run.keys', traceKeyLog(result.trace));
    const http = await tsharkFields(
      pcap,
      ['http.request.method', 'http.request.uri', 'http.response.code'],
      { keylog, filter: 'http' },
    );
    expect(http).toEqual([
      ['GET', '/', ''],
      ['', '', '200'],
    ]);
    expect(await tsharkMalformedCount(pcap, CHECKSUM_ARGS, { keylog })).toBe(0);
    // Without the key log the same capture shows no HTTP at all.
    expect(await tsharkFields(pcap, ['frame.number'], { filter: 'http' })).toEqual([]);
  });

  it('keeps back-to-back connections apart, one key log line each', async () => {
    const first = await runTlsExchange({ seed: 'a' });
    const second = await runTlsExchange({ seed: 'b', startMs: first.trace.events.at(-1)!.t + 500 });
    const trace: Trace = {
      lanes: first.trace.lanes,
      events: [...first.trace.events, ...second.trace.events],
    };
    expect(tlsConnections(trace).map((c) => c.flows.length)).toEqual([15, 15]);
    const keys = traceKeyLog(trace);
    expect(keys.split('\n').filter(Boolean)).toHaveLength(2);
    const pcap = writeTempFile('two.pcap', traceToPcap(trace, 'x').file);
    const keylog = writeTempFile('two.keys', keys);
    const gets = await tsharkFields(pcap, ['tcp.stream', 'http.request.method'], {
      keylog,
      filter: 'http.request',
    });
    expect(gets).toEqual([
      ['0', 'GET'],
      ['1', 'GET'],
    ]);
    expect(await tsharkMalformedCount(pcap, CHECKSUM_ARGS, { keylog })).toBe(0);
  });
});

describe('a DNS run exported from its trace', () => {
  it('is the same capture as `dns demo --pcap`, every query and response in UDP', async () => {
    const lookup = await runDnsLookup({ seed: '1', name: 'www.example.com', type: 'A' });
    const exported = traceToPcap(lookup.trace, '1');
    expect(exported.connections).toBe(0);
    expect(
      Buffer.from(exported.file).equals(Buffer.from(dnsTraceToPcap(lookup.trace, '1').file)),
    ).toBe(true);
    expect(traceKeyLog(lookup.trace)).toBe('');
    const pcap = writeTempFile('dns.pcap', exported.file);
    const rows = await tsharkFields(pcap, ['udp.srcport', 'dns.flags.response', 'dns.qry.name']);
    const messages = lookup.trace.events.filter((e) => e.kind === 'message');
    expect(rows).toHaveLength(messages.length);
    expect(rows.every((r) => r[2] === 'www.example.com')).toBe(true);
    expect(await tsharkMalformedCount(pcap, CHECKSUM_ARGS)).toBe(0);
  });
});

describe('the journey exported from its trace', () => {
  it('keeps the TCP connections the trace shows, and decrypts both visits', async () => {
    const { runJourney, journeyScenario } = await import('../../src/engine/scenarios/journey');
    const settings = journeyScenario.presets.find((p) => p.id === 'visit-again')!.settings;
    const { trace } = await runJourney(settings, 1);
    const syns = trace.events.filter(
      (e): e is MessageEvent => e.kind === 'message' && e.protocol === 'tcp' && e.name === 'SYN',
    );
    expect(syns).toHaveLength(2);
    const exported = traceToPcap(trace, '1');
    expect(exported.connections).toBe(2);
    const pcap = writeTempFile('journey.pcap', exported.file);
    const keylog = writeTempFile('journey.keys', traceKeyLog(trace));
    // The SYNs are the trace's own: same ports and initial sequence numbers.
    const capturedSyns = await tsharkFields(pcap, ['ip.src', 'tcp.srcport', 'tcp.seq_raw'], {
      filter: 'tcp.flags.syn == 1 && tcp.flags.ack == 0',
    });
    expect(capturedSyns).toEqual(
      syns.map((s) => {
        const view = s.decoded as { source: string; seq: number };
        const [ip, port] = view.source.split(':');
        return [ip, port, String(view.seq)];
      }),
    );
    const http = await tsharkFields(pcap, ['http.request.method', 'http.response.code'], {
      keylog,
      filter: 'http',
    });
    expect(http).toEqual([
      ['GET', ''],
      ['', '200'],
      ['GET', ''],
      ['', '200'],
    ]);
    // The DNS lookup of the first visit is in it too, answered with the address TCP goes to.
    const answers = await tsharkFields(pcap, ['dns.a'], { filter: 'dns.a' });
    const [synTo] = await tsharkFields(pcap, ['ip.dst', 'tcp.dstport'], {
      filter: 'tcp.flags.syn == 1 && tcp.flags.ack == 0',
    });
    expect(synTo).toEqual([
      (syns[0]!.decoded as { destination: string }).destination.split(':')[0],
      '443',
    ]);
    expect(answers.map((r) => r[0])).toContain(synTo![0]);
    expect(await tsharkMalformedCount(pcap, CHECKSUM_ARGS, { keylog })).toBe(0);
  });
});
