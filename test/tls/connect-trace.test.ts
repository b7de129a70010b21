/**
 * `tls connect --trace/--pcap/--keylog` against `openssl s_server -www` on loopback: the trace file
 * opens through the app's own import (every message, its decrypted view and the secrets the Keys
 * view shows), and tshark decrypts the capture with the key log and finds the GET and the 200.
 */
import 'reflect-metadata';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTraceJson } from '../../src/engine/scenarios/trace-json';
import { indexTrace } from '../../src/store/trace-view';
import { CHECKSUM_ARGS, tsharkFields, tsharkMalformedCount } from '../helpers/tshark';
import { runCli } from './support/peers';
import { startOpensslServer, type RealServer } from './support/servers';

describe('tls connect --trace --pcap --keylog against openssl s_server -www', () => {
  let server: RealServer;
  let port: number;
  const dir = mkdtempSync(join(tmpdir(), 'wirestep-connect-trace-'));
  const files = {
    trace: join(dir, 'connect.trace.json'),
    pcap: join(dir, 'connect.pcap'),
    keylog: join(dir, 'connect.keys'),
  };
  let stdout = '';

  beforeAll(async () => {
    server = await startOpensslServer([]);
    port = server.port;
    const run = await runCli([
      'tls',
      'connect',
      `127.0.0.1:${port}`,
      '--servername',
      'www.example.com',
      '--trace',
      files.trace,
      '--pcap',
      files.pcap,
      '--keylog',
      files.keylog,
    ]);
    expect({ code: run.code, stderr: run.stderr }).toEqual({ code: 0, stderr: '' });
    stdout = run.stdout;
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('writes a trace that the app imports as a real run, every message steppable', () => {
    expect(stdout).toContain(`wrote ${files.trace}`);
    const parsed = parseTraceJson(readFileSync(files.trace, 'utf8'));
    if (!parsed.ok) throw new Error(`import refused: ${JSON.stringify(parsed.problem)}`);
    const { file } = parsed;
    expect(file.source).toEqual({ kind: 'real', label: `tls connect 127.0.0.1:${port}` });
    expect(file.settings).toMatchObject({ kind: 'tls', serverName: 'www.example.com' });
    const view = indexTrace(file.trace, file.phases);
    expect(view.protocol).toBe('tls');
    // The messages the CLI printed, in its order, are the ones the import steps through.
    const printed = stdout
      .split('\n')
      .filter((l) => /^[→←] /.test(l))
      .map((l) => l.slice(2).replace(/\s+\d+ bytes.*$/, ''));
    expect(view.messages.map((m) => m.name)).toEqual(printed);
    expect(printed.slice(0, 5)).toEqual([
      'ClientHello',
      'ServerHello',
      'Certificate',
      'ServerKeyExchange',
      'ServerHelloDone',
    ]);
    // Every message's bytes are a whole TLS record; the encrypted ones carry their plaintext.
    for (const m of view.messages) {
      expect(m.bytes.length, m.name).toBe(5 + ((m.bytes[3]! << 8) | m.bytes[4]!));
      if (m.encrypted) expect(m.decrypted?.innerName, m.name).toBeDefined();
    }
    const request = view.messages.find((m) => m.name.startsWith('ApplicationData (GET'));
    expect(new TextDecoder().decode(request!.decrypted!.plaintext)).toMatch(
      /^GET \/ HTTP\/1\.1\r\n/,
    );
    // The Keys view: the client's key schedule, and the master secret is the key log's.
    const secrets = file.trace.events.filter((e) => e.kind === 'secret');
    expect(secrets.map((s) => s.name)).toEqual(
      expect.arrayContaining(['pre_master_secret', 'master_secret', 'client_write_key']),
    );
    const master = secrets.find((s) => s.name === 'master_secret')!;
    const hex = Buffer.from(master.value).toString('hex');
    expect(readFileSync(files.keylog, 'utf8')).toContain(` ${hex}\n`);
  });

  it('writes a capture that tshark decrypts with the key log: the GET and the 200', async () => {
    const decode = ['-d', `tcp.port==${port},tls`, '-o', 'http.desegment_body:FALSE'];
    expect(
      await tsharkMalformedCount(files.pcap, [...CHECKSUM_ARGS, ...decode], {
        keylog: files.keylog,
      }),
    ).toBe(0);
    const rows = await tsharkFields(
      files.pcap,
      [
        'tcp.srcport',
        'tcp.dstport',
        'tls.handshake.type',
        'http.request.method',
        'http.response.code',
      ],
      { keylog: files.keylog, extraArgs: decode },
    );
    // The real ports: the server's, and one ephemeral port of ours, in every segment.
    const ports = new Set(rows.flatMap((r) => [r[0], r[1]]));
    expect(ports.size).toBe(2);
    expect(ports.has(String(port))).toBe(true);
    expect(rows.map((r) => r[3]).filter(Boolean)).toEqual(['GET']);
    expect(rows.map((r) => r[4]).filter(Boolean)).toEqual(['200']);
    // Both Finished messages decrypt only with the right master secret.
    const types = rows.flatMap((r) => (r[2] ? r[2].split(',') : []));
    expect(types.filter((t) => t === '20')).toHaveLength(2);
  });
});
