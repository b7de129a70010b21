import { createECDH, createPrivateKey, createPublicKey, diffieHellman } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fromHex, toHex } from '../bytes/hex';
import { SeededRng } from '../sim/rng';
import { CryptoArgumentError, InvalidPublicKey } from './errors';
import {
  computeSharedSecret,
  generateKeyShare,
  publicKeyLength,
  sharedSecretLength,
  type GroupName,
} from './ecdhe';

const GROUPS: GroupName[] = ['x25519', 'secp256r1', 'secp384r1', 'secp521r1'];
const NODE_CURVE = {
  secp256r1: 'prime256v1',
  secp384r1: 'secp384r1',
  secp521r1: 'secp521r1',
} as const;

describe('X25519 (RFC 7748)', () => {
  // RFC 7748, Section 6.1.
  const alicePrivate = fromHex('77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a');
  const alicePublic = fromHex('8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a');
  const bobPrivate = fromHex('5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb');
  const bobPublic = fromHex('de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f');
  const shared = '4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742';

  it('reproduces the Section 6.1 exchange in both directions', () => {
    expect(toHex(computeSharedSecret('x25519', alicePrivate, bobPublic))).toBe(shared);
    expect(toHex(computeSharedSecret('x25519', bobPrivate, alicePublic))).toBe(shared);
  });

  it('derives the Section 6.1 public key from a private key drawn from the rng', () => {
    const rng = { bytes: () => alicePrivate.slice(), uint32: () => 0 };
    const share = generateKeyShare('x25519', rng);
    expect(toHex(share.privateKey)).toBe(toHex(alicePrivate));
    expect(toHex(share.publicKey)).toBe(toHex(alicePublic));
  });

  it('reproduces The Illustrated TLS 1.2 Connection premaster secret', () => {
    // tls12.xargs.org: client private key 20..3f, server public key from its ServerKeyExchange.
    const clientPrivate = fromHex(
      '202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f',
    );
    const serverPublic = fromHex(
      '9fd7ad6dcff4298dd3f96d5b1b2af910a0535b1488d7f8fabb349a982880b615',
    );
    expect(toHex(computeSharedSecret('x25519', clientPrivate, serverPublic))).toBe(
      'df4a291baa1eb7cfa6934b29b474baad2697e29f1f920dcc77c8a0a088447624',
    );
  });

  it('rejects low-order points whose shared secret is all zeros (RFC 7748, Section 6.1)', () => {
    const lowOrder = [
      new Uint8Array(32), // u = 0
      fromHex('0100000000000000000000000000000000000000000000000000000000000000'), // u = 1
      // A point of order 8 (the list in https://cr.yp.to/ecdh.html#validate).
      fromHex('e0eb7a7c3b41b8ae1656e3faf19fc46ada098deb9c32b1fd866205165f49b800'),
    ];
    for (const u of lowOrder) {
      expect(() => computeSharedSecret('x25519', alicePrivate, u)).toThrow(InvalidPublicKey);
    }
  });

  it('rejects a public key of the wrong length', () => {
    expect(() => computeSharedSecret('x25519', alicePrivate, bobPublic.subarray(1))).toThrow(
      /x25519 public key: must be 32 bytes, got 31/,
    );
  });

  it('agrees with node:crypto', () => {
    const ours = generateKeyShare('x25519', new SeededRng('x25519 interop'));
    const { publicKey, privateKey } = nodeX25519Pair();
    const nodeRaw = new Uint8Array(publicKey.export({ format: 'der', type: 'spki' }).subarray(-32));
    const ourPublicForNode = createPublicKey({
      key: Buffer.concat([Buffer.from('302a300506032b656e032100', 'hex'), ours.publicKey]),
      format: 'der',
      type: 'spki',
    });
    const nodeShared = diffieHellman({ privateKey, publicKey: ourPublicForNode });
    expect(toHex(computeSharedSecret('x25519', ours.privateKey, nodeRaw))).toBe(
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

describe('NIST curves (RFC 8422)', () => {
  for (const group of ['secp256r1', 'secp384r1', 'secp521r1'] as const) {
    it(`${group}: public keys are uncompressed points and the secret is node's X coordinate`, () => {
      const ours = generateKeyShare(group, new SeededRng(`${group} interop`));
      expect(ours.publicKey.length).toBe(publicKeyLength(group));
      expect(ours.publicKey[0]).toBe(0x04);

      const peer = createECDH(NODE_CURVE[group]);
      peer.generateKeys();
      // node's computeSecret returns the X coordinate, as RFC 8422, Section 5.10 asks.
      const expected = peer.computeSecret(ours.publicKey);
      const shared = computeSharedSecret(
        group,
        ours.privateKey,
        new Uint8Array(peer.getPublicKey()),
      );
      expect(shared.length).toBe(sharedSecretLength(group));
      expect(toHex(shared)).toBe(expected.toString('hex'));
    });

    it(`${group}: node derives the same public key from our private key`, () => {
      const ours = generateKeyShare(group, new SeededRng(`${group} public`));
      const ecdh = createECDH(NODE_CURVE[group]);
      ecdh.setPrivateKey(ours.privateKey);
      expect(toHex(ours.publicKey)).toBe(ecdh.getPublicKey('hex', 'uncompressed'));
    });

    it(`${group}: rejects a point off the curve, a compressed point and a bad prefix`, () => {
      const ours = generateKeyShare(group, new SeededRng(`${group} bad`));
      const peer = generateKeyShare(group, new SeededRng(`${group} bad peer`)).publicKey;
      const offCurve = peer.slice();
      offCurve[offCurve.length - 1]! ^= 1;
      expect(() => computeSharedSecret(group, ours.privateKey, offCurve)).toThrow(InvalidPublicKey);

      const nodeKeys = createECDH(NODE_CURVE[group]);
      nodeKeys.generateKeys();
      const compressed = new Uint8Array(nodeKeys.getPublicKey(null, 'compressed'));
      expect(() => computeSharedSecret(group, ours.privateKey, compressed)).toThrow(
        /must be an uncompressed point/,
      );

      const badPrefix = peer.slice();
      badPrefix[0] = 0x05;
      expect(() => computeSharedSecret(group, ours.privateKey, badPrefix)).toThrow(
        InvalidPublicKey,
      );
    });
  }
});

describe('all groups', () => {
  for (const group of GROUPS) {
    it(`${group}: both sides agree`, () => {
      const client = generateKeyShare(group, new SeededRng(`client ${group}`));
      const server = generateKeyShare(group, new SeededRng(`server ${group}`));
      const a = computeSharedSecret(group, client.privateKey, server.publicKey);
      const b = computeSharedSecret(group, server.privateKey, client.publicKey);
      expect(toHex(a)).toBe(toHex(b));
      expect(a.length).toBe(sharedSecretLength(group));
    });

    it(`${group}: one seed gives one key share, another seed another`, () => {
      const first = generateKeyShare(group, new SeededRng(7));
      const again = generateKeyShare(group, new SeededRng(7));
      const other = generateKeyShare(group, new SeededRng(8));
      expect(toHex(again.publicKey)).toBe(toHex(first.publicKey));
      expect(toHex(other.publicKey)).not.toBe(toHex(first.publicKey));
    });
  }

  it('rejects an unknown group and a private key of the wrong length, naming the parameter', () => {
    expect(() => generateKeyShare('x448' as GroupName, new SeededRng(1))).toThrow(
      /^group: unknown group 'x448'$/,
    );
    const peer = generateKeyShare('secp256r1', new SeededRng(2)).publicKey;
    expect(() => computeSharedSecret('secp256r1', new Uint8Array(31), peer)).toThrow(
      CryptoArgumentError,
    );
    expect(() => computeSharedSecret('secp256r1', new Uint8Array(31), peer)).toThrow(
      /^privateKey:/,
    );
  });
});
