import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { looksLikeProbe, parseProbeJson } from './probe-json';
import { parseTraceJson } from './trace-json';

/**
 * The issue's example (issue 14), written here by hand: its shape exactly, with the elisions ("…")
 * filled by real suite names and certificate names so every field has a value.
 */
const ISSUE_EXAMPLE = readFileSync(
  join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'probe-issue-example.json'),
  'utf8',
);

describe('probe JSON (tls probe --json, issue 14)', () => {
  it('reads the issue’s example: versions, suites in order, whose order, the rest', () => {
    const raw: unknown = JSON.parse(ISSUE_EXAMPLE);
    // It is not a trace file, so the trace import refuses it as such and the probe reader takes it.
    expect(parseTraceJson(ISSUE_EXAMPLE)).toEqual({ ok: false, problem: { kind: 'wrongFormat' } });
    expect(looksLikeProbe(raw)).toBe(true);
    const parsed = parseProbeJson(raw);
    if (!parsed.ok) throw new Error(parsed.detail);
    const { report } = parsed;
    expect(report.target).toBe('host:port');
    expect(report.versions['TLSv1.0']).toEqual({ accepted: false });
    expect(report.versions['TLSv1.2']).toEqual({
      accepted: true,
      suites: ['TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384', 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256'],
      order: 'server',
    });
    expect(report.versions['TLSv1.3'].order).toBe('client');
    expect(report.groups).toEqual(['x25519', 'secp256r1']);
    expect(report.alpn).toEqual(['http/1.1']);
    expect([report.extendedMasterSecret, report.ocspStapling]).toEqual([true, false]);
    expect(report.certificate?.chainLength).toBe(2);
    expect(report.exchanges).toBeUndefined();
  });

  it('reads the optional exchanges as bytes, and refuses a damaged report naming the field', () => {
    const raw = JSON.parse(ISSUE_EXAMPLE) as Record<string, unknown>;
    // What `--json --exchanges` adds after the issue's keys.
    const withExchanges = {
      ...raw,
      groupOrder: 'server',
      signatureAlgorithms: ['rsa_pss_rsae_sha256', 'rsa_pkcs1_sha256'],
      connections: 1,
      exchanges: [
        {
          version: 'TLSv1.2',
          offered: 'TLS_RSA_WITH_RC4_128_SHA',
          clientHello: '16030100',
          answer: '15030300020228',
        },
      ],
    };
    const parsed = parseProbeJson(withExchanges);
    if (!parsed.ok) throw new Error(parsed.detail);
    expect(parsed.report.groupOrder).toBe('server');
    expect(parsed.report.signatureAlgorithms).toEqual(['rsa_pss_rsae_sha256', 'rsa_pkcs1_sha256']);
    expect(parsed.report.exchanges![0]!.answer).toEqual(
      new Uint8Array([0x15, 3, 3, 0, 2, 2, 0x28]),
    );
    const damaged = (change: (r: Record<string, unknown>) => void) => {
      const copy = structuredClone(withExchanges) as Record<string, unknown>;
      change(copy);
      const p = parseProbeJson(copy);
      return p.ok ? 'accepted' : p.detail;
    };
    expect(damaged((r) => delete (r['versions'] as Record<string, unknown>)['TLSv1.1'])).toBe(
      'versions.TLSv1.1 is not an object',
    );
    expect(
      damaged(
        (r) =>
          ((r['versions'] as Record<string, Record<string, unknown>>)['TLSv1.2']!['order'] =
            'mine'),
      ),
    ).toBe('versions.TLSv1.2.order is not "server" or "client"');
    expect(
      damaged((r) => ((r['exchanges'] as Record<string, unknown>[])[0]!['answer'] = 'zz')),
    ).toBe('exchanges[0].answer is not hex');
    expect(damaged((r) => (r['ocspStapling'] = 'no'))).toBe(
      'ocspStapling is not true, false or null',
    );
    expect(damaged((r) => (r['certificate'] = 'none'))).toBe('certificate is not an object');
    expect(damaged((r) => (r['signatureAlgorithms'] = 'rsa'))).toBe(
      'signatureAlgorithms is not a list',
    );
    expect(damaged((r) => (r['groupOrder'] = 'theirs'))).toBe(
      'groupOrder is not "server", "client" or null',
    );
  });
});
