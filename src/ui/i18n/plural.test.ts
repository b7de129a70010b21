import { describe, expect, it } from 'vitest';
import { en as enFirstLoad } from './en';
import { enDns } from './en-dns';
import { enKeys } from './en-keys';
import { enTls } from './en-tls';
import { enTls13 } from './en-tls13';
import { enFields } from './en-fields';
import { enReport } from './en-report';
import { enLab } from './en-lab';
import { wholeEnglish } from './index';
import { format, startsWithVowelSound } from './index';

/** The whole English table: what the page has once every part of it has loaded. */
const en = wholeEnglish(enFirstLoad, enLab, enDns, enKeys, enTls, enTls13, enFields, enReport);

describe('plurals and articles come from the language', () => {
  it('picks the English form by Intl.PluralRules, not "(s)"', () => {
    expect(format(en.ui.cacheStats, { hits: 0, misses: 1 })).toBe('0 hits, 1 miss');
    expect(format(en.ui.cacheStats, { hits: 1, misses: 2 })).toBe('1 hit, 2 misses');
    expect(format(en.ui.sizeBytes, { count: 1 })).toBe('1 byte');
    expect(format(en.ui.sizeBytes, { count: '1,024' })).toBe('1,024 bytes');
    expect(format(en.ui.lookupsDone, { count: 1 })).toBe('1 lookup answered');
    expect(format(en.lab.resumption.roundTrips, { n: 2 })).toBe('2 round trips');
  });

  it('takes the Korean count as it is', () => {
    expect(format('적중 {hits}회', { hits: 1 }, 'ko')).toBe('적중 1회');
    expect(format('{n#one:# x|other:# xs}', { n: 1 }, 'ko')).toBe('1 xs');
  });

  it('puts "a" or "an" by how the word is read', () => {
    expect(format('{to@a/an} server', { to: 'Authoritative' })).toBe('an Authoritative server');
    expect(format('{to@a/an} server', { to: 'TLD' })).toBe('a TLD server');
    expect(format('{to@a/an} server', { to: 'Root' })).toBe('a Root server');
    expect(startsWithVowelSound('OS resolver')).toBe(true);
    expect(startsWithVowelSound('HTTP')).toBe(true);
    expect(startsWithVowelSound('TLS')).toBe(false);
  });
});
