/**
 * Every field the decoders show on the real-traffic corpus has its explanation in English and in
 * Korean (src/ui/i18n), so the inspector's Explain tab never falls back to a key.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { concatBytes, fromHex, type Span } from '../../src/engine/bytes';
import { decodeMessage } from '../../src/engine/dns/codec';
import { decodeTlsRecords } from '../../src/engine/tls/decode';
import { en as enFirstLoad } from '../../src/ui/i18n/en';
import { enDns } from '../../src/ui/i18n/en-dns';
import { enKeys } from '../../src/ui/i18n/en-keys';
import { enTls } from '../../src/ui/i18n/en-tls';
import { enTls13 } from '../../src/ui/i18n/en-tls13';
import { enFields } from '../../src/ui/i18n/en-fields';
import { enReport } from '../../src/ui/i18n/en-report';
import { enLab } from '../../src/ui/i18n/en-lab';
import { wholeEnglish } from '../../src/ui/i18n/index';
import { ko } from '../../src/ui/i18n/ko';

const en = wholeEnglish(enFirstLoad, enLab, enDns, enKeys, enTls, enTls13, enFields, enReport);
const corpus = join(import.meta.dirname, '../fixtures/corpus');

function keys(spans: readonly Span[], out: Set<string>): Set<string> {
  for (const s of spans) {
    if (s.explain) out.add(s.explain);
    keys(s.children, out);
  }
  return out;
}

describe('explanations of the decoded corpus', () => {
  it('exist in both languages for every field', () => {
    const found = new Set<string>();
    for (const file of readdirSync(join(corpus, 'tls'))) {
      const { flows } = JSON.parse(readFileSync(join(corpus, 'tls', file), 'utf8')) as {
        flows: { from: string; hex: string }[];
      };
      const side = (s: string) =>
        concatBytes(...flows.filter((f) => f.from === s).map((f) => fromHex(f.hex)));
      const server = decodeTlsRecords(side('server'));
      keys(server.spans, found);
      keys(decodeTlsRecords(side('client'), { negotiated: server.negotiated }).spans, found);
    }
    // A heartbeat and an SSLv2-compatible hello, which no installed peer sends any more.
    keys(decodeTlsRecords(fromHex('1803030016' + '010003abcdef' + '00'.repeat(16))).spans, found);
    keys(
      decodeTlsRecords(fromHex('801c010301000300000010' + '00002f' + '11'.repeat(16))).spans,
      found,
    );
    const { messages } = JSON.parse(readFileSync(join(corpus, 'dns', 'nsd.json'), 'utf8')) as {
      messages: { hex: string }[];
    };
    for (const m of messages) keys(decodeMessage(fromHex(m.hex)).spans, found);

    expect(found.size).toBeGreaterThan(100);
    expect([...found].filter((k) => en.spans[k] === undefined)).toEqual([]);
    expect([...found].filter((k) => ko.spans[k] === undefined)).toEqual([]);
  });
});
