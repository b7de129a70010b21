/**
 * Editing a zone: mistakes come back as data with their line; an edit that parses is served by
 * every server of the zone, and lookups see it at once.
 */
import { describe, expect, it } from 'vitest';
import { EXAMPLE_COM_ZONE } from '../../../src/engine/dns/universe/leaves';
import {
  LookupSequence,
  applyZoneEdit,
  editableZones,
  runZoneEdit,
  shippedZoneText,
  zoneEditScenario,
} from '../../../src/engine/scenarios/lab/dns';

/** The 1-based line of the first line of `text` that contains `needle`. */
const lineOf = (text: string, needle: string) =>
  text.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('editable zones', () => {
  it('lists every zone of the demo universe with its servers and shipped text', () => {
    const zones = editableZones();
    expect(zones[0]!.origin).toBe('.');
    expect(zones.find((z) => z.origin === 'example.com.')).toEqual({
      origin: 'example.com.',
      servers: ['ns1.example.com.', 'ns2.example.com.'],
      text: EXAMPLE_COM_ZONE,
    });
    expect(zones.find((z) => z.origin === 'pong.test.')!.servers).toEqual(['ns1.ping.test.']);
    expect(new Set(zones.map((z) => z.origin)).size).toBe(zones.length);
    expect(shippedZoneText('EXAMPLE.COM')).toBe(EXAMPLE_COM_ZONE);
  });
});

describe('applyZoneEdit', () => {
  it('returns a parse error with its line instead of throwing', () => {
    const text = EXAMPLE_COM_ZONE.replace('203.0.113.25', '203.0.113.256');
    const result = applyZoneEdit('example.com', text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.line).toBe(lineOf(text, '203.0.113.256'));
    expect(!result.ok && result.error.message).toMatch(/203\.0\.113\.256/);
  });

  it('names the line of a record outside the zone', () => {
    const text = `${EXAMPLE_COM_ZONE}\nwww.example.net. 300 IN A 192.0.2.1\n`;
    const result = applyZoneEdit('example.com.', text);
    expect(result).toEqual({
      ok: false,
      error: {
        line: lineOf(text, 'www.example.net.'),
        message: 'www.example.net. is outside the zone example.com.',
        key: 'zone.outside',
        params: { name: 'www.example.net.', zone: 'example.com.' },
      },
    });
  });

  it('reports structural problems: a zone without its SOA', () => {
    // The SOA's lines become a TXT record, so the lines after it keep their owner.
    const text = EXAMPLE_COM_ZONE.replace(/@\s+IN SOA[^)]*\)/, '@ IN TXT "no SOA here"');
    const result = applyZoneEdit('example.com.', text);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.message).toBe(
      'zone example.com. needs exactly one SOA at its apex (RFC 1035 §5.2), found 0',
    );
  });

  it('reports unbalanced parentheses and unknown zones as data', () => {
    const open = applyZoneEdit('example.com.', '$TTL 1h\n@ IN SOA ns1 host ( 1 2 3 4 5\n');
    expect(open.ok).toBe(false);
    expect(applyZoneEdit('nowhere.example.', EXAMPLE_COM_ZONE)).toEqual({
      ok: false,
      error: {
        line: null,
        message: 'the demo universe has no zone nowhere.example.',
        key: 'zone.not_in_universe',
        params: { zone: 'nowhere.example.' },
      },
    });
  });

  it('puts the edited zone on every server that serves it', async () => {
    const edit = applyZoneEdit(
      'example.com.',
      EXAMPLE_COM_ZONE.replace('203.0.113.80', '203.0.113.81'),
    );
    if (!edit.ok) throw new Error(edit.error.message);
    // With ns1 down, ns2 answers, and from the edited zone too.
    const sequence = new LookupSequence({
      seed: 1,
      world: edit.world,
      faults: { '203.0.113.10': { kind: 'down' } },
    });
    const report = await sequence.step({ name: 'www.example.com' });
    expect(report.queries.at(-1)!.server).toBe('ns2.example.com.');
    expect(report.addresses).toEqual(['203.0.113.81']);
  });
});

describe('the zone editor scenario', () => {
  const preset = (id: string) => zoneEditScenario.presets.find((p) => p.id === id)!.settings;

  it('a moved address is what the next lookup gets', async () => {
    const { outcome } = await runZoneEdit(preset('move-www'), 1);
    expect(outcome).toMatchObject({ applied: true });
    expect(outcome.applied && outcome.lookups[0]!.addresses).toEqual(['203.0.113.81']);
  });

  it('a new alias answers at once', async () => {
    const { outcome } = await runZoneEdit(preset('add-alias'), 1);
    expect(outcome.applied && outcome.lookups[0]!.records).toEqual([
      'blog.example.com. 300 IN CNAME www.example.com.',
      'www.example.com. 300 IN A 203.0.113.80',
    ]);
  });

  it('a mistake runs nothing and names its line', async () => {
    const settings = preset('mistake');
    const { trace, outcome } = await runZoneEdit(settings, 1);
    expect(trace.events).toEqual([]);
    expect(outcome).toEqual({
      applied: false,
      error: {
        line: lineOf(settings.text, '203.0.113.800'),
        message: "'203.0.113.800' is not a dotted-quad IPv4 address (part 4)",
        key: 'address.not_ipv4_part',
        params: { text: '203.0.113.800', part: 4 },
      },
    });
  });
});
