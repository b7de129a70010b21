/**
 * The diagram layout is a pure function from a trace to geometry: these tests run it in Node, on
 * hand-made traces and on a real TLS handshake from the engine.
 */
import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import type { MessageEvent, Trace, TraceEvent } from '../../engine/trace';
import { runTlsExchange } from '../../engine/scenarios/tls-run';
import { indexTrace } from '../../store/trace-view';
import { LAYOUT, layoutDiagram, pointAlong } from './layout';

const T0 = 1_000_000;

function message(
  t: number,
  from: string,
  to: string,
  name: string,
  extra: Partial<MessageEvent> = {},
): MessageEvent {
  return {
    kind: 'message',
    t,
    from,
    to,
    protocol: 'dns',
    name,
    bytes: new Uint8Array(10),
    spans: [],
    decoded: null,
    encrypted: false,
    ...extra,
  };
}

const DNS_LANES = ['Browser', 'OS resolver', 'Recursive resolver', 'Root', 'TLD', 'Authoritative'];

function dnsTrace(): Trace {
  const events: TraceEvent[] = [
    {
      kind: 'cache',
      t: T0,
      lane: 'Browser',
      cache: 'browser host cache',
      op: 'miss',
      key: 'www.example.com A',
    },
    message(T0, 'Browser', 'OS resolver', 'Query www.example.com A'),
    {
      kind: 'cache',
      t: T0 + 1,
      lane: 'OS resolver',
      cache: 'OS resolver cache',
      op: 'hit',
      key: 'www.example.com A',
      ttl: 210,
    },
    message(T0 + 1, 'OS resolver', 'Browser', 'Response www.example.com A NOERROR'),
    {
      kind: 'cache',
      t: T0 + 2,
      lane: 'Browser',
      cache: 'browser host cache',
      op: 'insert',
      key: 'www.example.com A',
      ttl: 60,
    },
    { kind: 'error', t: T0 + 3, lane: 'Recursive resolver', code: 'timeout', message: 'no answer' },
  ];
  return { lanes: DNS_LANES, events };
}

function tlsLikeTrace(): Trace {
  const m = (
    t: number,
    from: string,
    to: string,
    name: string,
    extra: Partial<MessageEvent> = {},
  ) => message(t, from, to, name, { protocol: 'tls', ...extra });
  return {
    lanes: ['Client', 'Server'],
    events: [
      {
        kind: 'state',
        t: T0,
        lane: 'Server',
        machine: 'server',
        from: 'Start',
        to: 'ExpectClientHello',
      },
      m(T0, 'Client', 'Server', 'ClientHello'),
      {
        kind: 'state',
        t: T0,
        lane: 'Client',
        machine: 'client',
        from: 'Start',
        to: 'ExpectServerHello',
      },
      m(T0 + 20, 'Server', 'Client', 'ServerHello'),
      {
        kind: 'state',
        t: T0 + 40,
        lane: 'Client',
        machine: 'client',
        from: 'ExpectServerHello',
        to: 'ExpectCertificate',
      },
      {
        kind: 'state',
        t: T0 + 40,
        lane: 'Client',
        machine: 'client',
        from: 'ExpectCertificate',
        to: 'ExpectServerKeyExchange',
      },
      {
        kind: 'state',
        t: T0 + 40,
        lane: 'Server',
        machine: 'server',
        from: 'ExpectClientHello',
        to: 'ExpectClientKeyExchange',
      },
      m(T0 + 40, 'Client', 'Server', 'Finished', { encrypted: true }),
    ],
  };
}

describe('layoutDiagram', () => {
  it('draws one arrow per message, in trace order, from the sender lane to the receiver lane', () => {
    const view = indexTrace(tlsLikeTrace());
    const layout = layoutDiagram(view, 900);
    const x = Object.fromEntries(layout.lanes.map((l) => [l.name, l.x]));
    expect(layout.arrows.map((a) => a.name)).toEqual(['ClientHello', 'ServerHello', 'Finished']);
    expect(layout.arrows.map((a) => a.step)).toEqual([0, 1, 2]);
    for (const a of layout.arrows) {
      expect(a.x1).toBe(x[a.from]);
      // The tip stops just short of the receiver's lifeline.
      expect(Math.abs(a.x2 - x[a.to]!)).toBe(LAYOUT.tipGap);
      expect(a.y2).toBeGreaterThan(a.y1);
    }
    // Counted from the capture's start: the TCP handshake that the pcap puts 40 ms before the
    // ClientHello (src/engine/export/capture-start.ts).
    expect(layout.arrows.map((a) => a.timeMs)).toEqual([40, 60, 80]);
    expect(layout.arrows[2]!.encrypted).toBe(true);
    expect(layout.arrows[0]!.path).toMatch(/^M/);
  });

  it('stacks rows downwards without overlap, and each step band contains its arrow', () => {
    const layout = layoutDiagram(indexTrace(tlsLikeTrace()), 900);
    const ys = layout.arrows.map((a) => a.y1);
    expect([...ys].sort((a, b) => a - b)).toEqual(ys);
    layout.stepBands.forEach((band, i) => {
      expect(band.top).toBeLessThan(layout.arrows[i]!.labelY);
      expect(band.bottom).toBeGreaterThan(layout.arrows[i]!.y2);
      if (i > 0) expect(band.top).toBeGreaterThanOrEqual(layout.stepBands[i - 1]!.bottom);
    });
    expect(layout.height).toBeGreaterThan(layout.stepBands.at(-1)!.bottom);
  });

  it('draws a state change under the message that caused it, and the others in rows', () => {
    const layout = layoutDiagram(indexTrace(tlsLikeTrace()), 900);
    const x = Object.fromEntries(layout.lanes.map((l) => [l.name, l.x]));
    expect(layout.states.map((s) => [s.lane, s.from, s.text, s.step, s.caused])).toEqual([
      ['Server', 'Start', 'ExpectClientHello', -1, false],
      // Logged after the server's flight, but ClientHello's arrival moved it.
      ['Server', 'ExpectClientHello', 'ExpectClientKeyExchange', 0, true],
      ['Client', 'Start', 'ExpectServerHello', 0, false],
      ['Client', 'ExpectServerHello', 'ExpectCertificate', 1, true],
      // No Certificate message in this trace: the change stays where it was logged.
      ['Client', 'ExpectCertificate', 'ExpectServerKeyExchange', 1, false],
    ]);
    for (const s of layout.states) expect(s.x).toBe(x[s.lane]);
    const [, byHello, , byServerHello, skx] = layout.states;
    const [hello, serverHello, finished] = layout.arrows;
    // Under the tip of its cause, above the next message's label.
    expect(byHello!.y).toBeGreaterThan(hello!.y2);
    expect(byHello!.y + 11).toBeLessThan(serverHello!.labelY - 15);
    expect(byServerHello!.y).toBeGreaterThan(serverHello!.y2);
    // A change with no cause sits in a row between the messages it follows and precedes.
    expect(skx!.y).toBeGreaterThan(byServerHello!.y + 11);
    expect(skx!.y).toBeLessThan(finished!.labelY);
  });

  it('draws a cache hit as a self-arrow on the lane whose cache answered, with the TTL left', () => {
    const layout = layoutDiagram(indexTrace(dnsTrace()), 900);
    // The browser's miss comes first, on a row of its own; then the OS resolver's hit.
    expect(layout.caches.map((c) => [c.lane, c.op])).toEqual([
      ['Browser', 'miss'],
      ['OS resolver', 'hit'],
    ]);
    const hit = layout.caches[1]!;
    expect(hit.lane).toBe('OS resolver');
    expect(hit.ttl).toBe(210);
    expect(hit.x).toBe(layout.lanes.find((l) => l.name === 'OS resolver')!.x);
    expect(hit.step).toBe(0);
    // Between the query and the response that it answered.
    expect(hit.y).toBeGreaterThan(layout.arrows[0]!.y2);
    expect(hit.y).toBeLessThan(layout.arrows[1]!.labelY);
    expect(layout.errors.map((e) => [e.lane, e.text, e.step])).toEqual([
      ['Recursive resolver', 'no answer', 1],
    ]);
  });

  it('spreads six lanes at least minLaneGap apart, widening the drawing when it must', () => {
    const narrow = layoutDiagram(indexTrace(dnsTrace()), 500);
    const gaps = narrow.lanes.slice(1).map((l, i) => l.x - narrow.lanes[i]!.x);
    for (const g of gaps) expect(g).toBeGreaterThanOrEqual(LAYOUT.minLaneGap - 1e-9);
    expect(narrow.width).toBeGreaterThan(500);
    const wide = layoutDiagram(indexTrace(dnsTrace()), 1400);
    expect(wide.width).toBe(1400);
    expect(wide.lanes.at(-1)!.x).toBeLessThan(1400);
  });

  it('keeps message labels inside the drawing', () => {
    const layout = layoutDiagram(indexTrace(dnsTrace()), 870);
    for (const a of layout.arrows) {
      const half = (a.name.length * LAYOUT.labelCharWidth) / 2;
      expect(a.labelX - half).toBeGreaterThanOrEqual(LAYOUT.gutter);
      expect(a.labelX + half).toBeLessThanOrEqual(layout.width);
    }
  });

  it('separates phases (a second lookup) with a row of their own', () => {
    const one = dnsTrace();
    const events = [...one.events, ...one.events.map((e) => ({ ...e, t: e.t + 90_000 }))];
    const view = indexTrace({ lanes: DNS_LANES, events }, [
      { eventIndex: 0, kind: 'lookup', n: 1 },
      { eventIndex: one.events.length, kind: 'lookup', n: 2 },
    ]);
    const layout = layoutDiagram(view, 900);
    expect(layout.phases).toHaveLength(1);
    // The second lookup's events belong to its own first message's step, not to the first lookup.
    expect(layout.phases[0]).toMatchObject({ n: 2, kind: 'lookup', timeMs: 90_000, step: 2 });
    expect(layout.caches.filter((c) => c.op === 'hit').map((c) => c.step)).toEqual([0, 2]);
    expect(layout.phases[0]!.y).toBeGreaterThan(layout.arrows[1]!.y2);
    expect(layout.phases[0]!.y).toBeLessThan(layout.arrows[2]!.labelY);
  });

  it('is deterministic: the same trace gives the same geometry', () => {
    expect(layoutDiagram(indexTrace(tlsLikeTrace()), 900)).toEqual(
      layoutDiagram(indexTrace(tlsLikeTrace()), 900),
    );
  });

  it('moves a packet from the sender to the tip', () => {
    const [a] = layoutDiagram(indexTrace(tlsLikeTrace()), 900).arrows;
    expect(pointAlong(a!, 0)).toEqual({ x: a!.x1, y: a!.y1 });
    expect(pointAlong(a!, 1)).toEqual({ x: a!.x2, y: a!.y2 });
    expect(pointAlong(a!, 0.5).x).toBeCloseTo((a!.x1 + a!.x2) / 2);
  });

  it('lays out a real TLS 1.2 handshake: encrypted records dashed, close_notify amber', async () => {
    const { trace } = await runTlsExchange({ seed: '1' });
    const layout = layoutDiagram(indexTrace(trace), 900);
    const names = layout.arrows.map((a) => a.name);
    expect(names.slice(0, 8)).toEqual([
      'ClientHello',
      'ServerHello',
      'Certificate',
      'ServerKeyExchange',
      'ServerHelloDone',
      'ClientKeyExchange',
      'ChangeCipherSpec',
      'Finished',
    ]);
    const encrypted = layout.arrows.filter((a) => a.encrypted).map((a) => a.name);
    expect(encrypted).toEqual([
      'Finished',
      'Finished',
      'ApplicationData (GET /)',
      'ApplicationData (HTTP 200 OK)',
      'Alert close_notify',
      'Alert close_notify',
    ]);
    expect(layout.arrows.filter((a) => a.tone === 'warning').map((a) => a.name)).toEqual([
      'Alert close_notify',
      'Alert close_notify',
    ]);
    expect(layout.arrows.filter((a) => a.tone === 'fatal')).toEqual([]);
    expect(layout.states.filter((s) => s.lane === 'Client').map((s) => s.text)).toContain(
      'ExpectServerKeyExchange',
    );
  });

  it('draws the client’s last three changes at NewSessionTicket, ChangeCipherSpec and Finished', async () => {
    const { trace } = await runTlsExchange({ seed: '1' });
    const view = indexTrace(trace);
    const layout = layoutDiagram(view, 900);
    const client = layout.states.filter((s) => s.lane === 'Client' && s.caused);
    const causeOf = (state: string) => {
      const s = client.find((c) => c.text === state)!;
      const arrow = layout.arrows[s.step]!;
      return [arrow.name, arrow.to, s.y > arrow.y2 && s.y < arrow.y2 + 30];
    };
    expect(causeOf('ExpectChangeCipherSpec')).toEqual(['NewSessionTicket', 'Client', true]);
    expect(causeOf('ExpectFinished')).toEqual(['ChangeCipherSpec', 'Client', true]);
    expect(causeOf('Traffic')).toEqual(['Finished', 'Client', true]);
    expect(causeOf('ExpectCertificate')).toEqual(['ServerHello', 'Client', true]);
    // Every change the handshake makes on receipt is drawn at a message; none is left in a row.
    const server = layout.states.filter((s) => s.lane === 'Server');
    expect(server.filter((s) => !s.caused).map((s) => s.text)).toEqual([
      'ExpectClientHello',
      'Closed',
    ]);
  });

  it('marks a fatal alert red (a certificate for the wrong host)', async () => {
    const { trace, ok } = await runTlsExchange({ seed: '1', serverName: 'bad.example.org' });
    expect(ok).toBe(false);
    const layout = layoutDiagram(indexTrace(trace), 900);
    expect(layout.arrows.filter((a) => a.tone === 'fatal').map((a) => a.name)).toEqual([
      'Alert bad_certificate',
    ]);
    expect(layout.errors.map((e) => e.lane)).toEqual(['Client', 'Server']);
  });
});
