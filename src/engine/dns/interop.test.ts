/**
 * Interop with real tools, since the bytes shown must be bytes that dig parses: our AuthoritativeServer answers
 * dig over UDP on loopback, and the demo universe's zone files pass nsd-checkzone. CI installs
 * both (bind9-dnsutils, nsd).
 */
import { execFile } from 'node:child_process';
import { createSocket, type Socket } from 'node:dgram';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthoritativeServer } from './authoritative';
import { ROOT_ZONE } from './universe/root';
import { COM_ZONE, NET_ZONE, ORG_ZONE, TEST_ZONE } from './universe/tlds';
import * as leaves from './universe/leaves';
import { Zone } from './zone/zone';

const run = promisify(execFile);

describe('dig against AuthoritativeServer', () => {
  let socket: Socket;
  let port = 0;
  const server = new AuthoritativeServer([
    Zone.parse(leaves.EXAMPLE_COM_ZONE),
    Zone.parse(leaves.WIRESTEP_TEST_ZONE),
    Zone.parse(
      `$ORIGIN big.test.\n$TTL 60\n@ SOA ns h 1 2 3 4 5\n@ NS ns\nns A 192.0.2.1\n` +
        Array.from({ length: 12 }, (_, i) => `txt TXT "${String(i).repeat(60)}"`).join('\n'),
    ),
  ]);

  beforeAll(async () => {
    socket = createSocket('udp4');
    socket.on('message', (msg, rinfo) => {
      const reply = server.handle(new Uint8Array(msg));
      if (reply) socket.send(reply, rinfo.port, rinfo.address);
    });
    await new Promise<void>((resolve) => socket.bind(0, '127.0.0.1', resolve));
    port = socket.address().port;
  });
  afterAll(() => socket.close());

  const dig = async (...args: string[]) =>
    (await run('dig', ['@127.0.0.1', '-p', String(port), '+norec', '+time=2', '+tries=1', ...args]))
      .stdout;

  it('parses an authoritative answer with compression', async () => {
    const out = await dig('www.example.com', 'A');
    expect(out).toContain('status: NOERROR');
    expect(out).toMatch(/flags: qr aa;/);
    expect(out).toMatch(/www\.example\.com\.\s+300\s+IN\s+A\s+203\.0\.113\.80/);
  });

  it('parses MX, TXT, CAA, SRV and AAAA the way we print them', async () => {
    expect(await dig('+short', 'example.com', 'MX')).toBe('10 mail.example.com.\n');
    expect(await dig('+short', 'wirestep.test', 'TXT')).toBe(
      '"v=spf1 mx -all" "demo=\\"wirestep\\""\n',
    );
    expect(await dig('+short', 'wirestep.test', 'CAA')).toBe('128 issue "ca.example.net"\n');
    expect(await dig('+short', '_sip._udp.wirestep.test', 'SRV')).toBe(
      '10 60 5060 sip.wirestep.test.\n',
    );
    expect(await dig('+short', 'www.example.com', 'AAAA')).toBe('2001:db8:10::80\n');
  });

  it('parses NXDOMAIN with the SOA, a referral, and a wildcard', async () => {
    const nx = await dig('nope.example.com', 'A');
    expect(nx).toContain('status: NXDOMAIN');
    expect(nx).toMatch(
      /example\.com\.\s+300\s+IN\s+SOA\s+ns1\.example\.com\. hostmaster\.example\.com\. 2026011501/,
    );
    const referral = await dig('www.shop.example.com', 'A');
    expect(referral).toMatch(/flags: qr;/);
    expect(referral).toMatch(/shop\.example\.com\.\s+86400\s+IN\s+NS\s+ns1\.shop\.example\.com\./);
    expect(referral).toMatch(/ns1\.shop\.example\.com\.\s+86400\s+IN\s+A\s+203\.0\.113\.20/);
    expect(await dig('+short', 'anything.apps.wirestep.test', 'A')).toBe('192.0.2.130\n');
  });

  it('answers EDNS queries with an OPT record and truncates what does not fit in 512 octets', async () => {
    expect(await dig('+edns=0', 'www.example.com', 'A')).toMatch(
      /EDNS: version: 0, flags:; udp: 1232/,
    );
    const truncated = await dig('+noedns', '+ignore', 'txt.big.test', 'TXT');
    expect(truncated).toMatch(/flags: qr aa tc;/);
    expect(await dig('+edns=0', '+bufsize=1232', '+short', 'txt.big.test', 'TXT')).toContain(
      '"111111',
    );
  });
});

describe('nsd-checkzone accepts the demo universe', () => {
  const dir = mkdtempSync(join(tmpdir(), 'wirestep-zones-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const zones: [string, string][] = [
    ['.', ROOT_ZONE],
    ['com', COM_ZONE],
    ['net', NET_ZONE],
    ['org', ORG_ZONE],
    ['test', TEST_ZONE],
    ...Object.values(leaves).map((text): [string, string] => [
      Zone.parse(text).origin.toString(),
      text,
    ]),
  ];
  it.each(zones)('zone %s', async (origin, text) => {
    const file = join(dir, `${origin === '.' ? 'root' : origin}.zone`);
    writeFileSync(file, text);
    const { stdout } = await run('nsd-checkzone', [origin, file]);
    expect(stdout).toMatch(/is ok/);
  });
});
