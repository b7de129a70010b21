/**
 * One time origin for the diagram and the capture: a message's time on screen (its time since
 * TraceView.t0) is the time tshark gives its frame since the beginning of the exported pcap
 * (frame.time_relative). Checked with tshark on a TLS run (whose TCP handshake is only in the
 * pcap), a DNS run and the journey (which draws its TCP segments).
 */
import 'reflect-metadata';
import { describe, expect, it } from 'vitest';
import { scenarioById } from '../../src/engine/scenarios/catalog';
import { runScenario } from '../../src/engine/scenarios/run-scenario';
import { traceToPcap } from '../../src/engine/export/trace-pcap';
import { HIDDEN_HANDSHAKE_MS } from '../../src/engine/export/capture-start';
import { TCP_ROUND_TRIP_MS } from '../../src/engine/sim/tls-pcap';
import { indexTrace } from '../../src/store/trace-view';
import { tsharkFields, writeTempFile } from '../helpers/tshark';

/** Each frame's time since the capture began, in whole milliseconds, with its payload length. */
async function frameTimes(file: Uint8Array, filter: string): Promise<number[]> {
  const pcap = writeTempFile('times.pcap', file);
  const rows = await tsharkFields(pcap, ['frame.time_relative'], { filter });
  return rows.map(([t]) => Math.round(Number(t) * 1000));
}

async function traceOf(id: string) {
  const scenario = scenarioById(id)!;
  const outcome = await runScenario(scenario.settings);
  return outcome.trace;
}

describe('the diagram and the pcap count time from the same moment', () => {
  it('uses the same round trip for the hidden TCP handshake as the pcap writer', () => {
    expect(HIDDEN_HANDSHAKE_MS).toBe(TCP_ROUND_TRIP_MS);
  });

  it('TLS: the ClientHello is at 40 ms on both, after the TCP handshake at 0', async () => {
    const trace = await traceOf('tls-full');
    const view = indexTrace(trace);
    const onScreen = view.messages.map((m) => m.t - view.t0);
    const hello = await frameTimes(traceToPcap(trace, '1').file, 'tls.handshake.type == 1');
    expect(hello).toEqual([onScreen[0]]);
    expect(onScreen[0]).toBe(40);
    const syn = await frameTimes(traceToPcap(trace, '1').file, 'tcp.flags.syn == 1');
    expect(syn[0]).toBe(0);
    // Every frame that carries a record sits at the time of a message on the diagram.
    const records = await frameTimes(traceToPcap(trace, '1').file, 'tls');
    for (const t of records) expect(onScreen).toContain(t);
  });

  it('DNS: every datagram at its message’s time, the first query at 0', async () => {
    const trace = await traceOf('dns-warm');
    const view = indexTrace(trace);
    const onScreen = view.messages.map((m) => m.t - view.t0);
    const frames = await frameTimes(traceToPcap(trace, '1').file, 'dns');
    expect(frames).toEqual(onScreen);
    expect(frames[0]).toBe(0);
  });

  it('the journey: its drawn SYN is 0 on both', async () => {
    const trace = await traceOf('journey-visit');
    const view = indexTrace(trace);
    const syn = view.messages.find((m) => m.protocol === 'tcp')!;
    const [first] = await frameTimes(
      traceToPcap(trace, '1').file,
      'tcp.flags.syn == 1 && tcp.flags.ack == 0',
    );
    expect(first).toBe(syn.t - view.t0);
  });
});
