/**
 * `dns serve` answering dig over real UDP and TCP: every shape of authoritative answer (data with
 * AA, a referral with glue, NXDOMAIN and NODATA with the SOA, CNAME, wildcard, REFUSED), UDP
 * truncation at 512 octets or the EDNS size with dig's TCP retry, FORMERR, zone-file errors, and
 * a clean stop on SIGTERM. dig parses every response; the assertions are on what dig printed.
 */
import { createSocket } from 'node:dgram';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dig, digParsed } from './support/dig';
import {
  portIsFree,
  runCli,
  startChild,
  startServe,
  tempDir,
  udpOnce,
  within,
  type ServeProcess,
} from './support/processes';

/** A loopback address of this file's own, so parallel test files never share a socket. */
const HOST = '127.0.60.1';

/** Eight 204-octet strings: 1,672 octets of RDATA, over any UDP limit this server uses. */
const BIG_STRINGS = Array.from({ length: 8 }, (_, i) => `${i}`.padStart(3, '0') + 'x'.repeat(200));
/** Three 200-octet strings: a ~650-octet answer, over 512 but under 1232. */
const MID_STRINGS = Array.from({ length: 3 }, (_, i) => `m${i}`.padEnd(200, 'y'));
/** 260 strings of 255 octets: RDATA of 66,560 octets, more than RDLENGTH can say. */
const HUGE_STRINGS = Array.from({ length: 260 }, () => 'h'.repeat(255));
/** 10 to 25: sixteen name servers, or mail exchangers, whose addresses overflow 512 octets. */
const SIXTEEN = Array.from({ length: 16 }, (_, i) => String(10 + i));
const quoted = (strings: string[]) => strings.map((s) => `"${s}"`).join(' ');

const ZONE = `; written by serve-dig.test.ts
$ORIGIN example.com.
$TTL 3600
@        IN SOA ns1 hostmaster 2026011501 7200 3600 1209600 300
         IN NS  ns1
         IN NS  ns2
         IN MX  10 mail
         IN TXT "v=spf1 mx -all"
ns1      IN A   192.0.2.1
ns2      IN A   192.0.2.2
www  300 IN A   192.0.2.80
     300 IN AAAA 2001:db8::80
mail     IN A   192.0.2.25
api   60 IN CNAME www
*.users 600 IN A 192.0.2.100
big      IN TXT ${quoted(BIG_STRINGS)}
mid      IN TXT ${quoted(MID_STRINGS)}
huge     IN TXT ${quoted(HUGE_STRINGS)}
${SIXTEEN.map((i) => `wide 86400 IN NS ns${i}.wide\nns${i}.wide 86400 IN A 192.0.2.${i}`).join('\n')}
${SIXTEEN.map((i) => `lists IN MX ${i} mx${i}.lists\nmx${i}.lists IN A 198.51.100.${i}`).join('\n')}
sub  86400 IN NS ns1.sub
ns1.sub 86400 IN A 192.0.2.53
`;

let dir: string;
let server: ServeProcess;

beforeAll(async () => {
  dir = tempDir('serve');
  writeFileSync(join(dir, 'example.com.zone'), ZONE);
  server = await startServe(HOST, [join(dir, 'example.com.zone')]);
});
afterAll(async () => {
  await server?.child.stop();
});

const ask = (...args: string[]) => digParsed(HOST, server.port, args);
const short = async (...args: string[]) =>
  (await dig(HOST, server.port, ['+short', ...args])).trim().split('\n').filter(Boolean);

describe('dns serve answers dig', () => {
  it('prints where it listens and which zones it serves', () => {
    expect(server.child.stdout().split('\n')[0]).toBe(
      `listening on ${HOST}:${server.port} (zones: example.com.; rrl 200/s slip 2)`,
    );
  });

  it('an A record, with AA', async () => {
    const r = await ask('www.example.com', 'A');
    expect(r.status).toBe('NOERROR');
    expect(r.flags).toContain('aa');
    expect(r.answer).toEqual(['www.example.com. 300 IN A 192.0.2.80']);
    expect(r.authority).toEqual([]);
  });

  it('a referral: the child NS in authority, glue in additional, no AA', async () => {
    const r = await ask('host.sub.example.com', 'A');
    expect(r.status).toBe('NOERROR');
    expect(r.flags).not.toContain('aa');
    expect(r.answer).toEqual([]);
    expect(r.authority).toEqual(['sub.example.com. 86400 IN NS ns1.sub.example.com.']);
    expect(r.additional).toEqual(['ns1.sub.example.com. 86400 IN A 192.0.2.53']);
  });

  it('NXDOMAIN with the SOA in authority, its TTL min(SOA TTL, MINIMUM) (RFC 2308 §3)', async () => {
    const r = await ask('nope.example.com', 'A');
    expect(r.status).toBe('NXDOMAIN');
    expect(r.flags).toContain('aa');
    expect(r.answer).toEqual([]);
    expect(r.authority).toEqual([
      'example.com. 300 IN SOA ns1.example.com. hostmaster.example.com. 2026011501 7200 3600 1209600 300',
    ]);
  });

  it('NODATA: NOERROR, no answer, the SOA in authority', async () => {
    const r = await ask('www.example.com', 'MX');
    expect(r.status).toBe('NOERROR');
    expect(r.flags).toContain('aa');
    expect(r.answer).toEqual([]);
    expect(r.authority).toHaveLength(1);
    expect(r.authority[0]).toMatch(/^example\.com\. 300 IN SOA /);
  });

  it('a CNAME, followed inside the zone', async () => {
    const r = await ask('api.example.com', 'A');
    expect(r.status).toBe('NOERROR');
    expect(r.answer).toEqual([
      'api.example.com. 60 IN CNAME www.example.com.',
      'www.example.com. 300 IN A 192.0.2.80',
    ]);
  });

  it('MX (with the exchange address as additional data), TXT and AAAA', async () => {
    const mx = await ask('example.com', 'MX');
    expect(mx.answer).toEqual(['example.com. 3600 IN MX 10 mail.example.com.']);
    expect(mx.additional).toEqual(['mail.example.com. 3600 IN A 192.0.2.25']);
    expect(await short('example.com', 'TXT')).toEqual(['"v=spf1 mx -all"']);
    expect(await short('www.example.com', 'AAAA')).toEqual(['2001:db8::80']);
  });

  it('a wildcard answer carries the name asked (RFC 4592 §3.3.1)', async () => {
    const r = await ask('anything.users.example.com', 'A');
    expect(r.flags).toContain('aa');
    expect(r.answer).toEqual(['anything.users.example.com. 600 IN A 192.0.2.100']);
    // The wildcard covers one level and more; a name beside it does not match.
    expect((await ask('a.b.users.example.com', 'A')).answer).toEqual([
      'a.b.users.example.com. 600 IN A 192.0.2.100',
    ]);
    expect((await ask('users2.example.com', 'A')).status).toBe('NXDOMAIN');
  });

  it('REFUSED for a zone it does not serve', async () => {
    const r = await ask('www.example.org', 'A');
    expect(r.status).toBe('REFUSED');
    expect(r.flags).not.toContain('aa');
    expect(r.answer).toEqual([]);
  });

  it('a large TXT answer is truncated over UDP (TC, nothing partial) and dig retries over TCP', async () => {
    const udpOnly = await ask('big.example.com', 'TXT', '+ignore');
    expect(udpOnly.flags).toEqual(expect.arrayContaining(['qr', 'aa', 'tc']));
    expect(udpOnly.answer).toEqual([]);

    const retried = await ask('big.example.com', 'TXT');
    expect(retried.text).toContain(';; Truncated, retrying in TCP mode.');
    expect(retried.flags).not.toContain('tc');
    expect(retried.answer).toEqual([`big.example.com. 3600 IN TXT ${quoted(BIG_STRINGS)}`]);
    const log = server.log().filter((l) => l.includes('big.example.com.'));
    expect(log.at(-2)).toMatch(/^udp .* -> NOERROR aa tc .*\(\d+ bytes > 1232, TC\)$/);
    expect(log.at(-1)).toMatch(/^tcp .* -> NOERROR aa an=1 ns=0 ar=0 \d+B$/);
  });

  it('the UDP limit is 512 without EDNS and the EDNS size with it (RFC 6891 §6.2.5)', async () => {
    const classic = await ask('mid.example.com', 'TXT', '+noedns', '+ignore');
    expect(classic.flags).toContain('tc');
    expect(classic.answer).toEqual([]);
    const edns = await ask('mid.example.com', 'TXT', '+bufsize=1232', '+ignore');
    expect(edns.flags).not.toContain('tc');
    expect(edns.answer).toEqual([`mid.example.com. 3600 IN TXT ${quoted(MID_STRINGS)}`]);
    // A requestor's size below 512 counts as 512.
    const tiny = await ask('www.example.com', 'A', '+bufsize=100', '+ignore');
    expect(tiny.flags).not.toContain('tc');
    expect(tiny.answer).toEqual(['www.example.com. 300 IN A 192.0.2.80']);
  });

  it('a referral whose glue does not fit sets TC (RFC 9471); extra MX addresses are just left out', async () => {
    const referral = await ask('host.wide.example.com', 'A', '+noedns', '+ignore');
    expect(referral.flags).toContain('tc');
    expect(referral.flags).not.toContain('aa');
    // With EDNS it all fits: sixteen NS and their sixteen addresses.
    const full = await ask('host.wide.example.com', 'A');
    expect(full.flags).not.toContain('tc');
    expect(full.authority).toHaveLength(16);
    expect(full.additional).toEqual(
      SIXTEEN.map((i) => `ns${i}.wide.example.com. 86400 IN A 192.0.2.${i}`),
    );

    const mx = await ask('lists.example.com', 'MX', '+noedns', '+ignore');
    expect(mx.flags).not.toContain('tc');
    expect(mx.answer).toHaveLength(16);
    expect(mx.additional.length).toBeGreaterThan(0);
    expect(mx.additional.length).toBeLessThan(16);
    expect(mx.additional).toEqual(
      SIXTEEN.slice(0, mx.additional.length).map(
        (i) => `mx${i}.lists.example.com. 3600 IN A 198.51.100.${i}`,
      ),
    );
    expect(server.log().at(-1)).toMatch(/\(\d+ bytes > 512, additional dropped\)$/);
  });

  it('answers over TCP with +tcp', async () => {
    const r = await ask('www.example.com', 'A', '+tcp');
    expect(r.status).toBe('NOERROR');
    expect(r.answer).toEqual(['www.example.com. 300 IN A 192.0.2.80']);
    expect(server.log().at(-1)).toMatch(
      /^tcp 127\.0\.0\.1:\d+ id=0x[0-9a-f]{4} www\.example\.com\. A -> NOERROR aa/,
    );
  });

  it('SERVFAIL, and a log line saying why, for a record that cannot be encoded', async () => {
    const r = await ask('huge.example.com', 'TXT', '+tcp');
    expect(r.status).toBe('SERVFAIL');
    expect(r.answer).toEqual([]);
    expect(server.log().at(-1)).toMatch(
      /^tcp .* huge\.example\.com\. TXT -> SERVFAIL .*\(RDATA of 66560 octets is too long\)$/,
    );
    // The server is still there.
    expect(await short('www.example.com', 'A')).toEqual(['192.0.2.80']);
  });

  it('FORMERR with the same ID for a query it cannot decode, and a log line naming the offset', async () => {
    // ID 0xbeef, one question whose name is a compression pointer to itself (offset 12).
    const hostile = new Uint8Array([
      0xbe, 0xef, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, 0xc0, 0x0c, 0, 1, 0, 1,
    ]);
    const reply = await udpOnce(HOST, server.port, hostile, 5_000);
    expect(reply).toBeDefined();
    expect([reply![0], reply![1]]).toEqual([0xbe, 0xef]);
    expect(reply![2]! & 0x80).toBe(0x80); // QR
    expect(reply![3]! & 0x0f).toBe(1); // FORMERR
    expect(server.log().at(-1)).toMatch(
      /^udp 127\.0\.0\.1:\d+ id=0xbeef -> FORMERR \(compression pointer loop .* at offset 12\)$/,
    );
  });

  it('ignores a datagram too short to carry an ID, and one that is itself a response', async () => {
    expect(await udpOnce(HOST, server.port, new Uint8Array([1, 2, 3]), 500)).toBeUndefined();
    const response = new Uint8Array([0x12, 0x34, 0x81, 0x80, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(await udpOnce(HOST, server.port, response, 500)).toBeUndefined();
    // It still answers afterwards.
    expect(await short('www.example.com', 'A')).toEqual(['192.0.2.80']);
  });
});

describe('dns serve fails in one line', () => {
  it('names the zone file and the line of a zone-file error', async () => {
    const bad = join(tempDir('serve-bad'), 'bad.zone');
    writeFileSync(
      bad,
      '$ORIGIN example.com.\n$TTL 3600\n@ IN SOA ns1 hm 1 2 3 4 5\nwww IN AX 1.2.3.4\n',
    );
    const { code, stdout, stderr } = await runCli([
      'dns',
      'serve',
      '--zone',
      bad,
      '--listen',
      `${HOST}:0`,
    ]);
    expect(code).not.toBe(0);
    expect(stdout).toBe('');
    expect(stderr).toBe(`error: zone ${bad} line 4: unknown type 'AX'\n`);
  });

  it('says when the address is taken, for TCP and UDP alike', async () => {
    const serve = (port: number) =>
      runCli([
        'dns',
        'serve',
        '--zone',
        join(dir, 'example.com.zone'),
        '--listen',
        `${HOST}:${port}`,
      ]);
    const both = await serve(server.port);
    expect(both.code).not.toBe(0);
    expect(both.stdout).toBe('');
    expect(both.stderr).toBe(`error: cannot listen on ${HOST}:${server.port}: EADDRINUSE\n`);

    // Only the UDP port is held: TCP binds, UDP fails, and it is still one line.
    const holder = createSocket('udp4');
    await new Promise<void>((resolve) => holder.bind({ address: HOST, port: 0 }, () => resolve()));
    try {
      const port = holder.address().port;
      const udpTaken = await serve(port);
      expect(udpTaken.code).not.toBe(0);
      expect(udpTaken.stdout).toBe('');
      expect(udpTaken.stderr).toBe(`error: cannot listen on ${HOST}:${port}: EADDRINUSE\n`);
    } finally {
      holder.close();
    }
  });
});

describe('dns serve stops', () => {
  it('on SIGTERM, closing its sockets, with exit status 0', async () => {
    // The command in a process of its own (no npm or tsx wrapper between), signalled alone, as a
    // service manager would signal it.
    const child = startChild(process.execPath, [
      '--import',
      'tsx',
      'src/cli/main.ts',
      'dns',
      'serve',
      '--zone',
      join(dir, 'example.com.zone'),
      '--listen',
      `${HOST}:0`,
    ]);
    try {
      const [, port] = await child.waitFor(/listening on [0-9.]+:(\d+) /, 'dns serve to listen');
      process.kill(child.process.pid!, 'SIGTERM');
      expect(await within(child.exited, 'dns serve to exit after SIGTERM')).toBe(0);
      expect(child.stderr()).toBe('stopped\n');
      // Both of its ports are free again.
      expect(await portIsFree(HOST, Number(port))).toBe(true);
    } finally {
      await child.stop();
    }
  });
});
