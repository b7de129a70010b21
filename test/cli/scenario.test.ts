/**
 * `scenario run` and `scenario list`: every scenario of the app's catalog, and every preset of each
 * lab scenario, runs headless through the CLI's own code (src/cli/scenario/headless.ts), prints one
 * line per message of its trace, and writes a trace file that the app's Import trace accepts (the
 * same parser, parseTraceJson) with the same events. One run goes through the CLI as users start it,
 * and real Wireshark (tshark) decrypts the HTTP of both its connections with the key log it wrote.
 */
import 'reflect-metadata';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { messageLines, runHeadless, scenarioList } from '../../src/cli/scenario/headless';
import { SCENARIOS } from '../../src/engine/scenarios/catalog';
import { runScenario } from '../../src/engine/scenarios/run-scenario';
import { parseTraceJson, traceToJson } from '../../src/engine/scenarios/trace-json';
import { CHECKSUM_ARGS, tsharkFields, tsharkMalformedCount } from '../helpers/tshark';
import { runCli } from '../tls/support/peers';

/** Every (scenario, preset) pair the picker offers; non-lab scenarios have no preset. */
const RUNS: [string, string | undefined][] = SCENARIOS.flatMap((s) =>
  s.presets ? s.presets.map((p): [string, string | undefined] => [s.id, p]) : [[s.id, undefined]],
);

describe('scenario list', () => {
  it('names every scenario of the catalog with its presets', () => {
    expect(scenarioList().map((s) => s.id)).toEqual(SCENARIOS.map((s) => s.id));
    expect(scenarioList().find((s) => s.id === 'lab-tls-ems')?.presets).toEqual([
      'both',
      'client-off',
      'server-off',
    ]);
  });
});

describe('scenario run, headless', () => {
  it.each(RUNS)('%s %s: one line per message, and a trace the app imports', async (id, preset) => {
    const { settings, outcome } = await runHeadless(id, preset);
    if (preset !== undefined) expect(settings).toMatchObject({ kind: 'lab', preset });
    const messages = outcome.trace.events.filter((e) => e.kind === 'message');
    if (messages.length === 0) {
      // Only a run that stops before it starts: the zone editor's deliberate mistake.
      expect([id, preset]).toEqual(['lab-dns-zone-edit', 'mistake']);
      expect(outcome).toMatchObject({ ok: false, error: expect.stringMatching(/^line 17: /) });
      return;
    }
    const lines = messageLines(outcome).filter((l) => !l.startsWith('---'));
    expect(lines).toHaveLength(messages.length);
    lines.forEach((line, i) =>
      expect(line).toContain(`${messages[i]!.name} (${messages[i]!.bytes.length} bytes`),
    );
    // A run ends with a status: a summary when it went well, the reason when it did not.
    expect(outcome.ok ? outcome.summary : outcome.error).toBeTruthy();

    const text = traceToJson({ scenarioId: id, settings, ...outcome });
    const read = parseTraceJson(text);
    if (!read.ok) throw new Error(`import refused the trace: ${JSON.stringify(read.problem)}`);
    expect(read.file.scenarioId).toBe(id);
    expect(read.file.settings).toEqual(settings);
    expect(read.file.phases).toEqual(outcome.phases);
    expect(read.file.trace.events).toHaveLength(outcome.trace.events.length);
    expect(read.file.trace.events.filter((e) => e.kind === 'message').map((e) => e.bytes)).toEqual(
      messages.map((m) => m.bytes),
    );
  });

  it('refuses an unknown scenario, a preset that is not one, and settings over a limit', async () => {
    await expect(runHeadless('no-such-scenario')).rejects.toThrow(/no scenario 'no-such-scenario'/);
    await expect(runHeadless('tls-full', 'server-order')).rejects.toThrow(/has no presets/);
    await expect(runHeadless('lab-tls-ems', 'sideways')).rejects.toThrow(
      "scenario 'lab-tls-ems' has no preset 'sideways'; it has both, client-off, server-off",
    );
    await expect(runHeadless('tls-full', undefined, 'x'.repeat(65))).rejects.toThrow(/seed/);
  });
});

describe('scenario run, as users start it', () => {
  it('writes a trace the app imports, a pcap and a key log that Wireshark decrypts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wirestep-scenario-'));
    const [trace, pcap, keylog] = ['run.json', 'run.pcap', 'run.keys'].map((f) => join(dir, f));
    const args = ['lab-tls-resumption', '--preset', 'by-ticket', '--seed', '42'];
    const cli = await runCli([
      'scenario',
      'run',
      ...args,
      '--trace',
      trace!,
      '--pcap',
      pcap!,
      '--keylog',
      keylog!,
    ]);
    expect(cli.stderr).toBe('');
    expect(cli.code).toBe(0);
    expect(cli.stdout.trim().split('\n').at(-1)).toBe('ok: 2 RTT → 1 RTT');

    // The same seed gives the same bytes in the CLI and in the app's run.
    const read = parseTraceJson(readFileSync(trace!, 'utf8'));
    if (!read.ok) throw new Error(`import refused the trace: ${JSON.stringify(read.problem)}`);
    const inApp = await runScenario(read.file.settings);
    expect(read.file.trace).toEqual(inApp.trace);
    expect(cli.stdout).toContain(messageLines(inApp).join('\n'));

    // Two sessions (the full handshake and the resumed one), each decrypted from the key log.
    expect(readFileSync(keylog!, 'utf8')).toMatch(
      /^(CLIENT_RANDOM [0-9a-f]{64} [0-9a-f]{96}\n){2}$/,
    );
    expect(await tsharkMalformedCount(pcap!, CHECKSUM_ARGS, { keylog: keylog! })).toBe(0);
    const http = await tsharkFields(pcap!, ['http.request.method', 'http.response.code'], {
      keylog: keylog!,
      filter: 'http',
    });
    expect(http).toEqual([
      ['GET', ''],
      ['', '200'],
      ['GET', ''],
      ['', '200'],
    ]);
  });

  it('a usage error is one line and exit 2', async () => {
    const cli = await runCli(['scenario', 'run', 'tls-full', '--pcap', '/nonexistent/x.pcap']);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toBe('error: --pcap and --keylog go together\n');
  });
});
