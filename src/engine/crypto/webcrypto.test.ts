import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { utf8 } from '../bytes/hex';
import { importKeyCached, importedKeyNow, subtle, type ImportSpec } from './webcrypto';

const spec: ImportSpec = {
  algorithm: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
  usages: ['verify'],
  extractable: true,
};

function rsaSpki(): Uint8Array {
  const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return new Uint8Array(publicKey.export({ format: 'der', type: 'spki' }));
}

describe('importKeyCached', () => {
  it('finds a settled import through the same array at once, and only while it holds those bytes', async () => {
    const spki = rsaSpki();
    expect(importedKeyNow('spki', spki, spec)).toBeUndefined();
    const key = await importKeyCached('spki', spki, spec, 'spki');
    expect(importedKeyNow('spki', spki, spec)).toBe(key);
    // The key it found is the one in the array: exported again, the same SPKI.
    expect(new Uint8Array(await subtle().exportKey('spki', key))).toEqual(spki);
    // Another usage is another import.
    expect(importedKeyNow('spki', spki, { ...spec, usages: [] })).toBeUndefined();

    // The caller reuses its buffer for another key: the old entry must not answer for it.
    const other = rsaSpki();
    spki.set(other.subarray(0, spki.length));
    expect(importedKeyNow('spki', spki, spec)).toBeUndefined();
    const otherKey = await importKeyCached('spki', spki, spec, 'spki');
    expect(new Uint8Array(await subtle().exportKey('spki', otherKey))).toEqual(other);
  });

  it('keeps no entry for a failed import', async () => {
    const bad = utf8('not a key');
    await expect(importKeyCached('spki', bad, spec, 'spki')).rejects.toThrow(/not a SPKI/);
    expect(importedKeyNow('spki', bad, spec)).toBeUndefined();
  });
});
