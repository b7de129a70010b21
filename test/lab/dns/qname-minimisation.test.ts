/** QNAME minimisation (RFC 9156): exactly which name each server saw, with it off and on. */
import { describe, expect, it } from 'vitest';
import { runQnameMinimisation } from '../../../src/engine/scenarios/lab/dns';

const name = 'www.shop.example.com';

describe('QNAME minimisation', () => {
  it('off: every server on the way sees the full name', async () => {
    const { outcome } = await runQnameMinimisation(
      { name, type: 'A', qnameMinimisation: false },
      1,
    );
    expect(outcome.servers).toEqual([
      { server: 'a.root-servers.net.', address: '198.41.0.4', lane: 'Root', saw: [`${name}. A`] },
      { server: 'a.gtld-servers.net.', address: '192.0.2.30', lane: 'TLD', saw: [`${name}. A`] },
      {
        server: 'ns1.example.com.',
        address: '203.0.113.10',
        lane: 'Authoritative',
        saw: [`${name}. A`],
      },
      {
        server: 'ns1.shop.example.com.',
        address: '203.0.113.20',
        lane: 'Authoritative',
        saw: [`${name}. A`],
      },
    ]);
  });

  it('on: each server sees one label more than its zone, only the last one the full name', async () => {
    const { outcome } = await runQnameMinimisation({ name, type: 'A', qnameMinimisation: true }, 1);
    expect(outcome.servers.map((s) => [s.server, s.saw])).toEqual([
      ['a.root-servers.net.', ['com. A']],
      ['a.gtld-servers.net.', ['example.com. A']],
      ['ns1.example.com.', ['shop.example.com. A']],
      ['ns1.shop.example.com.', [`${name}. A`]],
    ]);
  });

  it('gives the same answer either way', async () => {
    const off = await runQnameMinimisation({ name, type: 'A', qnameMinimisation: false }, 1);
    const on = await runQnameMinimisation({ name, type: 'A', qnameMinimisation: true }, 1);
    expect(on.outcome.lookup.records).toEqual(off.outcome.lookup.records);
    expect(on.outcome.lookup.addresses).toEqual(['203.0.113.21']);
  });

  it('an empty non-terminal costs one more query: the name exists, but is no zone cut', async () => {
    // mail.example.com has data; asking for "a.b.mail.example.com" reveals b.mail first, which
    // does not exist: NXDOMAIN there means nothing below it exists either (RFC 8020).
    const { outcome } = await runQnameMinimisation(
      { name: 'a.b.mail.example.com', type: 'A', qnameMinimisation: true },
      1,
    );
    expect(outcome.lookup.rcode).toBe('NXDOMAIN');
    expect(outcome.servers.at(-1)!.saw).toEqual(['mail.example.com. A', 'b.mail.example.com. A']);
  });
});
