import { createECDH, createPrivateKey, createPublicKey, diffieHellman } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../bytes/hex';
import { SeededRng, SystemRng, type Rng } from '../sim/rng';
import { CryptoArgumentError, InvalidPublicKey } from './errors';
import fc from 'fast-check';
import {
  computeSharedSecret,
  generateKeyShare,
  nobleEcdhe,
  webCryptoEcdhe,
  webCryptoSupports,
  publicKeyLength,
  sharedSecretLength,
  type GroupName,
} from './ecdhe';

/** An Rng that always hands out `bytes`, and says a seed reproduces it. */
function fixedRng(bytes: Uint8Array): Rng {
  return { reproducible: true, bytes: () => bytes.slice(), uint32: () => 0 };
}

const GROUPS: GroupName[] = ['x25519', 'secp256r1', 'secp384r1', 'secp521r1'];
const NODE_CURVE = {
  secp256r1: 'prime256v1',
  secp384r1: 'secp384r1',
  secp521r1: 'secp521r1',
} as const;

describe('X25519 (RFC 7748)', async () => {
  // RFC 7748, Section 6.1.
  const alicePrivate = fromHex('77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a');
  const alicePublic = fromHex('8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a');
  const bobPrivate = fromHex('5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb');
  const bobPublic = fromHex('de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f');
  const shared = '4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742';

  it('reproduces the Section 6.1 exchange in both directions', async () => {
    expect(toHex(await computeSharedSecret('x25519', alicePrivate, bobPublic))).toBe(shared);
    expect(toHex(await computeSharedSecret('x25519', bobPrivate, alicePublic))).toBe(shared);
  });

  it('derives the Section 6.1 public key from a private key drawn from the rng', async () => {
    const share = await generateKeyShare('x25519', fixedRng(alicePrivate));
    expect(toHex(share.privateKey)).toBe(toHex(alicePrivate));
    expect(toHex(share.publicKey)).toBe(toHex(alicePublic));
  });

  it('reproduces The Illustrated TLS 1.2 Connection premaster secret', async () => {
    // tls12.xargs.org: client private key 20..3f, server public key from its ServerKeyExchange.
    const clientPrivate = fromHex(
      '202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f',
    );
    const serverPublic = fromHex(
      '9fd7ad6dcff4298dd3f96d5b1b2af910a0535b1488d7f8fabb349a982880b615',
    );
    expect(toHex(await computeSharedSecret('x25519', clientPrivate, serverPublic))).toBe(
      'df4a291baa1eb7cfa6934b29b474baad2697e29f1f920dcc77c8a0a088447624',
    );
  });

  it('rejects low-order points whose shared secret is all zeros (RFC 7748, Section 6.1)', async () => {
    const lowOrder = [
      new Uint8Array(32), // u = 0
      fromHex('0100000000000000000000000000000000000000000000000000000000000000'), // u = 1
      // A point of order 8 (the list in https://cr.yp.to/ecdh.html#validate).
      fromHex('e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800'),
    ];
    for (const u of lowOrder) {
      await expect(computeSharedSecret('x25519', alicePrivate, u)).rejects.toThrow(
        InvalidPublicKey,
      );
    }
  });

  it('rejects a public key of the wrong length', async () => {
    await expect(
      computeSharedSecret('x25519', alicePrivate, bobPublic.subarray(1)),
    ).rejects.toThrow(/x25519 public key: must be 32 bytes, got 31/);
  });

  it('agrees with node:crypto', async () => {
    const ours = await generateKeyShare('x25519', new SeededRng('x25519 interop'));
    const { publicKey, privateKey } = nodeX25519Pair();
    const nodeRaw = new Uint8Array(publicKey.export({ format: 'der', type: 'spki' }).subarray(-32));
    const ourPublicForNode = createPublicKey({
      key: Buffer.concat([Buffer.from('302a300506032b656e032100', 'hex'), ours.publicKey]),
      format: 'der',
      type: 'spki',
    });
    const nodeShared = diffieHellman({ privateKey, publicKey: ourPublicForNode });
    expect(toHex(await computeSharedSecret('x25519', ours.privateKey, nodeRaw))).toBe(
      nodeShared.toString('hex'),
    );
  });
});

function nodeX25519Pair(): {
  publicKey: ReturnType<typeof createPublicKey>;
  privateKey: ReturnType<typeof createPrivateKey>;
} {
  // A fixed private key in PKCS#8 (RFC 8410, Section 7 wraps the 32 bytes in an OCTET STRING).
  const raw = fromHex('a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4');
  const privateKey = createPrivateKey({
    key: Buffer.concat([Buffer.from('302e020100300506032b656e04220420', 'hex'), raw]),
    format: 'der',
    type: 'pkcs8',
  });
  return { privateKey, publicKey: createPublicKey(privateKey) };
}

describe('NIST curves (RFC 8422)', async () => {
  for (const group of ['secp256r1', 'secp384r1', 'secp521r1'] as const) {
    it(`${group}: public keys are uncompressed points and the secret is node's X coordinate`, async () => {
      const ours = await generateKeyShare(group, new SeededRng(`${group} interop`));
      expect(ours.publicKey.length).toBe(publicKeyLength(group));
      expect(ours.publicKey[0]).toBe(0x04);

      const peer = createECDH(NODE_CURVE[group]);
      peer.generateKeys();
      // node's computeSecret returns the X coordinate, as RFC 8422, Section 5.10 asks.
      const expected = peer.computeSecret(ours.publicKey);
      const shared = await computeSharedSecret(
        group,
        ours.privateKey,
        new Uint8Array(peer.getPublicKey()),
      );
      expect(shared.length).toBe(sharedSecretLength(group));
      expect(toHex(shared)).toBe(expected.toString('hex'));
    });

    it(`${group}: node derives the same public key from our private key`, async () => {
      const ours = await generateKeyShare(group, new SeededRng(`${group} public`));
      const ecdh = createECDH(NODE_CURVE[group]);
      ecdh.setPrivateKey(ours.privateKey);
      expect(toHex(ours.publicKey)).toBe(ecdh.getPublicKey('hex', 'uncompressed'));
    });

    it(`${group}: rejects a point off the curve, a compressed point and a bad prefix`, async () => {
      const ours = await generateKeyShare(group, new SeededRng(`${group} bad`));
      const peer = (await generateKeyShare(group, new SeededRng(`${group} bad peer`))).publicKey;
      const offCurve = peer.slice();
      offCurve[offCurve.length - 1]! ^= 1;
      await expect(computeSharedSecret(group, ours.privateKey, offCurve)).rejects.toThrow(
        InvalidPublicKey,
      );

      const nodeKeys = createECDH(NODE_CURVE[group]);
      nodeKeys.generateKeys();
      const compressed = new Uint8Array(nodeKeys.getPublicKey(null, 'compressed'));
      await expect(computeSharedSecret(group, ours.privateKey, compressed)).rejects.toThrow(
        /must be an uncompressed point/,
      );

      const badPrefix = peer.slice();
      badPrefix[0] = 0x05;
      await expect(computeSharedSecret(group, ours.privateKey, badPrefix)).rejects.toThrow(
        InvalidPublicKey,
      );
    });
  }
});

describe('all groups', async () => {
  for (const group of GROUPS) {
    it(`${group}: both sides agree`, async () => {
      const client = await generateKeyShare(group, new SeededRng(`client ${group}`));
      const server = await generateKeyShare(group, new SeededRng(`server ${group}`));
      const a = await computeSharedSecret(group, client.privateKey, server.publicKey);
      const b = await computeSharedSecret(group, server.privateKey, client.publicKey);
      expect(toHex(a)).toBe(toHex(b));
      expect(a.length).toBe(sharedSecretLength(group));
    });

    it(`${group}: a SystemRng key share comes from WebCrypto and is a real key pair`, async () => {
      // No Rng bytes are drawn: WebCrypto generates the key (generateKeyShare explains why).
      const rng = new SystemRng();
      let drawn = 0;
      const counting: Rng = {
        reproducible: false,
        bytes: (n) => (drawn++, rng.bytes(n)),
        uint32: () => rng.uint32(),
      };
      const ours = await generateKeyShare(group, counting);
      expect(drawn).toBe(0);
      expect(ours.publicKey.length).toBe(publicKeyLength(group));
      // The private key is the one behind the public key, by noble's arithmetic, and agrees with
      // a seeded peer in both directions.
      expect(toHex(await nobleEcdhe.publicKey(group, ours.privateKey))).toBe(toHex(ours.publicKey));
      const peer = await generateKeyShare(group, new SeededRng(`peer ${group}`));
      expect(toHex(await computeSharedSecret(group, ours.privateKey, peer.publicKey))).toBe(
        toHex(await computeSharedSecret(group, peer.privateKey, ours.publicKey)),
      );
      const again = await generateKeyShare(group, rng);
      expect(toHex(again.privateKey)).not.toBe(toHex(ours.privateKey));
    });

    it(`${group}: one seed gives one key share, another seed another`, async () => {
      const first = await generateKeyShare(group, new SeededRng(7));
      const again = await generateKeyShare(group, new SeededRng(7));
      const other = await generateKeyShare(group, new SeededRng(8));
      expect(toHex(again.publicKey)).toBe(toHex(first.publicKey));
      expect(toHex(other.publicKey)).not.toBe(toHex(first.publicKey));
    });
  }

  it('rejects an unknown group and a private key of the wrong length, naming the parameter', async () => {
    await expect(generateKeyShare('x448' as GroupName, new SeededRng(1))).rejects.toThrow(
      /^group: unknown group 'x448'$/,
    );
    const peer = (await generateKeyShare('secp256r1', new SeededRng(2))).publicKey;
    await expect(computeSharedSecret('secp256r1', new Uint8Array(31), peer)).rejects.toThrow(
      CryptoArgumentError,
    );
    await expect(computeSharedSecret('secp256r1', new Uint8Array(31), peer)).rejects.toThrow(
      /^privateKey:/,
    );
  });
});

describe('the WebCrypto and @noble/curves backends', () => {
  const backends = { webcrypto: webCryptoEcdhe, noble: nobleEcdhe };

  it('WebCrypto does every group in this runtime (Node 20), so the handshake uses it', async () => {
    for (const group of GROUPS) expect(await webCryptoSupports(group)).toBe(true);
  });

  for (const [name, backend] of Object.entries(backends)) {
    it(`${name}: RFC 7748, Section 5.2 vectors (the second has u's top bit set, to be masked)`, async () => {
      const vectors = [
        [
          'a546e36bf0527c9d3b16154b82465edd62144c0ac1fc5a18506a2244ba449ac4',
          'e6db6867583030db3594c1a424b15f7c726624ec26b3353b10a903a6d0ab1c4c',
          'c3da55379de9c6908e94ea4df28d084f32eccf03491c71f754b4075577a28552',
        ],
        [
          '4b66e9d4d1b4673c5ad22691957d6af5c11b6421e0ea01d42ca4169e7918ba0d',
          'e5210f12786811d3f4b7959d0538ae2c31dbe7106fc03c3efc4cd549c715a493',
          '95cbde9476e8907d7aade45cb4b873f88b595a68799fa152e6f8f7647aac7957',
        ],
        // The iterated test after one round: k = u = 9.
        [
          '0900000000000000000000000000000000000000000000000000000000000000',
          '0900000000000000000000000000000000000000000000000000000000000000',
          '422c8e7a6227d7bca1350b3e2bb7279f7897b87bb6854b783c60e80311ae3079',
        ],
      ] as const;
      for (const [scalar, u, out] of vectors) {
        expect(toHex(await backend.sharedSecret('x25519', fromHex(scalar), fromHex(u)))).toBe(out);
      }
    });

    it(`${name}: RFC 7748, Section 6.1 key pairs and shared secret`, async () => {
      const alice = fromHex('77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a');
      const bob = fromHex('5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb');
      const bobPublic = await backend.publicKey('x25519', bob);
      expect(toHex(await backend.publicKey('x25519', alice))).toBe(
        '8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a',
      );
      expect(toHex(bobPublic)).toBe(
        'de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f',
      );
      expect(toHex(await backend.sharedSecret('x25519', alice, bobPublic))).toBe(
        '4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742',
      );
    });

    it(`${name}: refuses an off-curve NIST point and a low-order X25519 point`, async () => {
      const key = await generateKeyShare('secp256r1', new SeededRng(`${name} refuse`));
      const bad = key.publicKey.slice();
      bad[64]! ^= 1;
      await expect(backend.sharedSecret('secp256r1', key.privateKey, bad)).rejects.toThrow(
        /not a point on the curve/,
      );
      await expect(
        backend.sharedSecret('x25519', new Uint8Array(32).fill(3), new Uint8Array(32)),
      ).rejects.toThrow(/low-order point/);
    });
  }

  for (const group of GROUPS) {
    it(`${group}: both backends give the same public keys and shared secrets`, async () => {
      // The RNG bytes one key takes: the X25519 scalar, or 1.5 × the NIST order's length.
      const length = group === 'x25519' ? 32 : (sharedSecretLength(group) * 3) / 2;
      await fc.assert(
        fc.asyncProperty(
          fc.uint8Array({ minLength: length, maxLength: length }),
          fc.uint8Array({ minLength: length, maxLength: length }),
          async (seedA, seedB) => {
            const a = await generateKeyShare(group, fixedRng(seedA));
            const b = await generateKeyShare(group, fixedRng(seedB));
            expect(toHex(await nobleEcdhe.publicKey(group, a.privateKey))).toBe(toHex(a.publicKey));
            const viaNoble = await nobleEcdhe.sharedSecret(group, a.privateKey, b.publicKey);
            const viaWebCrypto = await webCryptoEcdhe.sharedSecret(
              group,
              b.privateKey,
              a.publicKey,
            );
            expect(toHex(viaWebCrypto)).toBe(toHex(viaNoble));
          },
        ),
        { numRuns: 20 },
      );
    });
  }
});
