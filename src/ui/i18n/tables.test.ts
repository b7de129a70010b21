import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../engine/scenarios/catalog';
import { en as enFirstLoad } from './en';
import { enDns } from './en-dns';
import { enKeys } from './en-keys';
import { enTls } from './en-tls';
import { enTls13 } from './en-tls13';
import { enFields } from './en-fields';
import { enReport } from './en-report';
import { enLab } from './en-lab';
import { ko } from './ko';
import {
  LANGUAGE_CODES,
  finalSound,
  format,
  loadEnglishPart,
  loadLanguage,
  stringsFor,
  wholeEnglish,
  type Language,
} from './index';

/** The whole English table: what the page has once every part of it has loaded. */
const en = wholeEnglish(enFirstLoad, enLab, enDns, enKeys, enTls, enTls13, enFields, enReport);

/** Every string leaf of a table, by its dotted path ("ui.play", "scenarios.tls-full.title"). */
function leaves(value: unknown, path = ''): Map<string, unknown> {
  const out = new Map<string, unknown>();
  if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value))
      for (const [p, v] of leaves(child, path ? `${path}.${key}` : key)) out.set(p, v);
  } else {
    out.set(path, value);
  }
  return out;
}

// A set: English may name a number twice ("{n} {n#byte/bytes}") where Korean counts it once.
const placeholders = (s: string) =>
  [
    ...new Set(
      [...s.matchAll(/\{(\w+)(?:\|[^/{}]+\/[^/{}]+|#[^{}]+|@a\/an)?\}/g)].map((m) => m[1]),
    ),
  ].sort();

/**
 * Protocol names and field names as the RFCs spell them: snake_case identifiers (client_random,
 * verify_data), CamelCase message names (ClientHello) and upper-case mnemonics (NXDOMAIN, SOA).
 */
const protocolTerms = (s: string) =>
  new Set(
    s.match(
      /\b(?:[a-z][a-z0-9]*_[a-z0-9_]+|(?:Client|Server|Change|New|Application)[A-Z][A-Za-z]+|NOERROR|NXDOMAIN|NODATA|SERVFAIL|FORMERR|REFUSED|NOTIMP|CNAME|SOA|AAAA|ECDHE)\b/g,
    ) ?? [],
  );

/** The tables as written. */
const TABLES: Readonly<Record<Language, typeof en>> = { en, ko };

describe('language tables', () => {
  const english = leaves(en);

  for (const code of LANGUAGE_CODES) {
    // The tables as written, not the page's (which fills gaps from English).
    const table = leaves(TABLES[code]);

    it(`${code}: has every key of en.ts, and nothing else`, () => {
      expect([...table.keys()].filter((k) => !english.has(k))).toEqual([]);
      expect([...english.keys()].filter((k) => !table.has(k))).toEqual([]);
    });

    it(`${code}: every string is non-empty`, () => {
      const empty = [...table].filter(([, v]) => typeof v !== 'string' || v.trim() === '');
      expect(empty.map(([k]) => k)).toEqual([]);
    });

    it(`${code}: every string has the same placeholders as in English`, () => {
      const differing = [...english]
        .filter(([k, v]) => {
          const other = table.get(k);
          return typeof v === 'string' && typeof other === 'string'
            ? placeholders(v).join() !== placeholders(other).join()
            : false;
        })
        .map(([k]) => k);
      expect(differing).toEqual([]);
    });

    it(`${code}: keeps protocol field names as the RFCs spell them`, () => {
      const missing: string[] = [];
      for (const [k, v] of english) {
        const other = table.get(k);
        if (typeof v !== 'string' || typeof other !== 'string') continue;
        for (const term of protocolTerms(v))
          if (!other.includes(term)) missing.push(`${k}: ${term}`);
      }
      expect(missing).toEqual([]);
    });
  }

  it('covers every scenario in the catalog, in both languages', () => {
    for (const code of LANGUAGE_CODES)
      for (const s of SCENARIOS) {
        expect(TABLES[code].scenarios[s.id]?.title, `${code} ${s.id}`).toBeTruthy();
        expect(TABLES[code].scenarios[s.id]?.lesson, `${code} ${s.id}`).toBeTruthy();
      }
  });

  it('explains every TLS alert description and DNS rcode the engines name', async () => {
    const { AlertDescription } = await import('../../engine/tls/enums');
    const { Rcode } = await import('../../engine/dns/types');
    const alertNames = Object.keys(AlertDescription).filter((n) => !n.endsWith('_RESERVED'));
    const rcodeNames = Object.entries(Rcode)
      .filter(([, v]) => v <= 10)
      .map(([n]) => n);
    for (const code of LANGUAGE_CODES) {
      expect(alertNames.filter((n) => !TABLES[code].alerts[n])).toEqual([]);
      expect(rcodeNames.filter((n) => !TABLES[code].rcodes[n])).toEqual([]);
    }
  });

  it('has an English and a Korean text for every TLS fault and every TLS note key', async () => {
    const { FAULTS, faultKey } = await import('../../engine/tls/errors');
    const { TLS_TEXT_EN } = await import('../../i18n/tls.en');
    const { TLS_TEXT_KO } = await import('../../i18n/tls.ko');
    const faultKeys = FAULTS.map(faultKey);
    const tlsNoteKeys = Object.keys(en.notes).filter((k) => k.startsWith('tls.'));
    for (const code of LANGUAGE_CODES) {
      const notes = TABLES[code].notes;
      expect(
        faultKeys.filter((k) => !notes[k]?.trim()),
        code,
      ).toEqual([]);
      expect(
        tlsNoteKeys.filter((k) => !notes[k]?.trim()),
        code,
      ).toEqual([]);
    }
    // The shared tables (which the CLI reads) hold the same keys in both languages.
    expect(Object.keys(TLS_TEXT_KO).sort()).toEqual(Object.keys(TLS_TEXT_EN).sort());
    expect(faultKeys.filter((k) => !(k in TLS_TEXT_EN))).toEqual([]);
  });

  it('writes every note key the TLS engine emits in both languages', async () => {
    const { readFileSync, readdirSync } = await import('node:fs');
    const { join } = await import('node:path');
    const dir = join(__dirname, '../../engine/tls');
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter(
      (f) => f.endsWith('.ts') && !f.endsWith('.test.ts'),
    );
    const keys = new Set<string>();
    for (const f of files)
      for (const m of readFileSync(join(dir, f), 'utf8').matchAll(/'(tls\.[a-z_.]+)'/g))
        if (/\.note\(|key: '/.test(m.input.slice(Math.max(0, m.index - 40), m.index)))
          keys.add(m[1]!);
    expect(keys.size).toBeGreaterThan(15);
    for (const code of LANGUAGE_CODES)
      expect(
        [...keys].filter((k) => !TABLES[code].notes[k]),
        code,
      ).toEqual([]);
  });

  it('fills in a fault, a list and a plural from the language', async () => {
    const { failureLine } = await import('../../i18n/tls-failure');
    const { TLS_TEXT_KO } = await import('../../i18n/tls.ko');
    const error = {
      fault: 'inappropriate_handshake_message',
      params: { expectTypes: ['CertificateRequest', 'ServerHelloDone'], gotType: 'Finished' },
    } as const;
    expect(failureLine(error, { us: 'client', peer: 'server' })).toBe(
      'alert unexpected_message sent by the client: expected CertificateRequest or ServerHelloDone but got Finished',
    );
    expect(failureLine(error, { us: 'client', peer: 'server' }, TLS_TEXT_KO)).toBe(
      '클라이언트가 alert unexpected_message를 보냈습니다: CertificateRequest 또는 ServerHelloDone를 기대했지만 Finished가 왔습니다',
    );
    expect(format('{n} {n#byte/bytes}', { n: 1 })).toBe('1 byte');
    expect(format('{n} {n#byte/bytes}', { n: 2 })).toBe('2 bytes');
  });

  it('Korean is really Korean: every explanation has Hangul in it', () => {
    const ko = leaves(TABLES.ko);
    const untranslated = [...english]
      .filter(([, v]) => typeof v === 'string' && v.includes(' ') && v.length > 30)
      .filter(([k]) => !/[\uac00-\ud7a3]/.test(String(ko.get(k))))
      .map(([k]) => k);
    expect(untranslated).toEqual([]);
  });
});

describe('the page’s tables', () => {
  it('fill a key missing from a translation with the English, and keep every translated one', async () => {
    const page = leaves(await loadLanguage('ko'));
    for (const [k, v] of leaves(TABLES.ko)) expect(page.get(k), k).toBe(v);
    expect(page.size).toBe(leaves(en).size);
  });

  it('gain the English parts as they load', async () => {
    expect(leaves(stringsFor('en')).size).toBeLessThan(leaves(en).size);
    await loadEnglishPart('lab');
    expect(stringsFor('en').lab.decode.title).toBe(enLab.lab.decode.title);
    expect(stringsFor('en').rcodes['NXDOMAIN']).toBeUndefined();
    await loadEnglishPart('dns');
    await loadEnglishPart('keys');
    expect(stringsFor('en').notes['tls.fault.alert_received']).toBeUndefined();
    await loadEnglishPart('tls');
    expect(stringsFor('en').notes['tls13.key_update']).toBeUndefined();
    await loadEnglishPart('tls13');
    expect(stringsFor('en').spans['tls.record']).toBeUndefined();
    await loadEnglishPart('fields');
    expect(stringsFor('en').ui.reportTitle).toBeUndefined();
    await loadEnglishPart('report');
    expect(leaves(stringsFor('en'))).toEqual(leaves(en));
    expect(leaves(stringsFor('ko')).size).toBe(leaves(en).size);
  });
});

describe('format', () => {
  it('fills placeholders and leaves unknown ones as written', () => {
    expect(format('{n} of {total}', { n: 3, total: 15 })).toBe('3 of 15');
    expect(format('{missing} stays', {})).toBe('{missing} stays');
  });

  it('picks the Korean particle from the value’s last sound', () => {
    expect(format('{x|이/가} 답합니다', { x: '서버' })).toBe('서버가 답합니다');
    expect(format('{x|이/가} 답합니다', { x: '권한 서버 목록' })).toBe('권한 서버 목록이 답합니다');
    expect(format('{x|을/를}', { x: 'www.example.com' })).toBe('www.example.com을');
    expect(format('{x|을/를}', { x: 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256' })).toBe(
      'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256을',
    );
    expect(format('{x|은/는}', { x: 'example.com.' })).toBe('example.com.은');
    // ㄹ takes 로, not 으로: 서울로, 파일로; a Latin L (엘) too.
    expect(format('{x|으로/로}', { x: '파일' })).toBe('파일로');
    expect(format('{x|으로/로}', { x: 'html' })).toBe('html로');
    expect(format('{x|으로/로}', { x: '연결' })).toBe('연결로');
    expect(format('{x|으로/로}', { x: '클라이언트' })).toBe('클라이언트로');
    expect(format('{x|으로/로}', { x: '목록' })).toBe('목록으로');
    expect(format('{x|이/가}', { x: 'x25519' })).toBe('x25519가');
  });

  it('reads Latin letters and digits by their Korean names', () => {
    expect(finalSound('A')).toBe('vowel');
    expect(finalSound('NS')).toBe('vowel');
    expect(finalSound('com')).toBe('consonant');
    expect(finalSound('TTL')).toBe('rieul');
    expect(finalSound('443')).toBe('consonant');
    expect(finalSound('2')).toBe('vowel');
  });
});
