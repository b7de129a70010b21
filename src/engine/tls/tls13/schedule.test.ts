import { describe, expect, it } from 'vitest';
import { concatBytes, fromHex, toHex } from '../../bytes/hex';
import { hash } from '../../crypto/hash';
import type { SecretRecord } from '../key-schedule';
import { tls13Suite } from './key-schedule';
import { Tls13KeySchedule } from './schedule';

const h = (s: string) => fromHex(s.replace(/\s+/g, ''));
const suite = tls13Suite(0x1301)!;

// RFC 8448, Section 3 (Simple 1-RTT Handshake): the x25519 shared secret and the published
// transcript hashes at ClientHello..ServerHello, ..CertificateVerify, ..server Finished and
// ..client Finished.
const S3 = {
  shared: '8bd4054fb55b9d63fdfbacf9f04b9f0d35e6d63f537563efd46272900f89492d',
  helloHash: '860c06edc07858ee8e78f0e7428c58edd6b43f2ca3e6e95f02ed063cf0e1cad8',
  certificateVerifyHash: 'edb7725fa7a3473b031ec8ef65a2485493900138a2b91291407d7951a06110ed',
  serverFinishedHash: '9608102a0f1ccc6db6250b7b7e417b1a000eaada3daae4777a7686c9ff83df13',
  clientFinishedHash: '209145a96ee8e2a122ff810047cc952684658d6049e86429426db87c54ad143d',
};

// RFC 8448, Section 4 (Resumed 0-RTT Handshake): the whole ClientHello (binders included), its
// prefix before the binders, and the ServerHello, so the transcript hashes are computed here.
const S4_CLIENT_HELLO_PREFIX = h(`
  010001fc03031bc3ceb6bbe39cff938355b5a50adb6db21b7a6af649d7b4bc41
  9d7876487d95000006130113031302010001cd0000000b000900000673657276
  6572ff01000100000a00140012001d0017001800190100010101020103010400
  3300260024001d0020e4ffb68ac05f8d96c99da26698346c6be16482badddafe
  051a66b4f18d668f0b002a0000002b0003020304000d0020001e040305030603
  020308040805080604010501060102010402050206020202002d00020101001c
  0002400100150057000000000000000000000000000000000000000000000000
  0000000000000000000000000000000000000000000000000000000000000000
  0000000000000000000000000000000000000000000000000000000000000000
  2900dd00b800b22c035d829359ee5ff7af4ec900000000262a6494dc486d2c8a
  34cb33fa90bf1b0070ad3c498883c9367c09a2be785abc55cd226097a3a98211
  7283f82a03a143efd3ff5dd36d64e861be7fd61d2827db279cce145077d454a3
  664d4e6da4d29ee03725a6a4dafcd0fc67d2aea70529513e3da2677fa5906c5b
  3f7d8f92f228bda40dda721470f9fbf297b5aea617646fac5c03272e970727c6
  21a79141ef5f7de6505e5bfbc388e93343694093934ae4d357fad6aacb`);
const S4_BINDERS = h('002120 3add4fb2d8fdf822a0ca3cf7678ef5e88dae990141c5924d57bb6fa31b9e5f9d');
const S4_SERVER_HELLO = h(`
  0200005c03033ccfd2dec890222763472ae8136777c9d7358777bb66e91ea512
  2495f559ea2d00130100003400290002000000330024001d0020121761ee42c3
  33e1b9e77b60dd57c2053cd94512ab47f115e86eff50942cea31002b00020304`);
const S4_ENCRYPTED_EXTENSIONS = h(
  '080000280026000a00140012001d00170018001901000101010201030104001c0002400100000000002a0000',
);
const S4_SERVER_FINISHED = h(
  '1400002048d3e0e1b3d907c6acff145e16090388c77b05c050b634ab1a88bbd0dd1a34b2',
);

describe('TLS 1.3 key schedule (RFC 8446, Section 7.1) against RFC 8448', () => {
  it('walks Section 3, the simple 1-RTT handshake, secret by secret', () => {
    const reported: SecretRecord[] = [];
    const ks = new Tls13KeySchedule(suite, (s) => reported.push(...s));
    expect(toHex(ks.earlySecret())).toBe(
      '33ad0a1c607ec03b09e6cd9893680ce210adf300aa1f2660e1b22e10f170f92a',
    );
    expect(toHex(ks.handshakeSecret(h(S3.shared)))).toBe(
      '1dc826e93606aa6fdc0aadc12f741b01046aa6b99f691ed221a9f0ca043fbeac',
    );
    const hs = ks.handshakeTrafficSecrets(h(S3.helloHash));
    expect(toHex(hs.client)).toBe(
      'b3eddb126e067f35a780b3abf45e2d8f3b1a950738f52e9600746a0e27a55a21',
    );
    expect(toHex(hs.server)).toBe(
      'b67b7d690cc16c4e75e54213cb2d37b4e9c912bcded9105d42befd59d391ad38',
    );
    expect(toHex(ks.finishedKey('server', hs.server, 'server_handshake_traffic_secret'))).toBe(
      '008d3b66f816ea559f96b537e885c31fc068bf492c652f01f288a1d8cdc19fc8',
    );
    expect(toHex(ks.finishedKey('client', hs.client, 'client_handshake_traffic_secret'))).toBe(
      'b80ad01015fb2f0bd65ff7d4da5d6bf83f84821d1f87fdc7d3c75b5a7b42d9c4',
    );
    // The server Finished's verify_data, as the RFC's Finished message carries it.
    expect(
      toHex(
        ks.verifyData(
          'server',
          hs.server,
          'server_handshake_traffic_secret',
          h(S3.certificateVerifyHash),
        ),
      ),
    ).toBe('9b9b141d906337fbd2cbdce71df4deda4ab42c309572cb7fffee5454b78f0718');
    expect(toHex(ks.masterSecret())).toBe(
      '18df06843d13a08bf2a449844c5f8a478001bc4d4c627984d5a41da8d0402919',
    );
    const ap = ks.applicationTrafficSecrets(h(S3.serverFinishedHash));
    expect(toHex(ap.client)).toBe(
      '9e40646ce79a7f9dc05af8889bce6552875afa0b06df0087f792ebb7c17504a5',
    );
    expect(toHex(ap.server)).toBe(
      'a11af9f05531f856ad47116b45a950328204b4f44bfb6b3a4b4f1f3fcb631643',
    );
    expect(toHex(ap.exporter)).toBe(
      'fe22f881176eda18eb8f44529e6792c50c9a3f89452f68d8ae311b4309d3cf50',
    );
    const rms = ks.resumptionMasterSecret(h(S3.clientFinishedHash));
    expect(toHex(rms)).toBe('7df235f2031d2a051287d02b0241b0bfdaf86cc856231f2d5aba46c434ec196c');
    expect(toHex(ks.ticketPsk(rms, h('0000')))).toBe(
      '4ecd0eb6ec3b4d87f5d6028f922ca4c5851a277fd41311c9e62d2c9492e1c4f3',
    );

    // Every value was reported with the step that made it, its label and its context.
    const derived = reported.find((r) => r.name === 'derived_early')!;
    expect(toHex(derived.value)).toBe(
      '6f2615a108c702c5678f54fc9dbab69716c076189c48250cebeac3576c3611ba',
    );
    const chts = reported.find((r) => r.name === 'client_handshake_traffic_secret')!;
    expect(chts.inputs).toContainEqual({ name: 'label', value: 'tls13 c hs traffic' });
    expect(chts.inputs).toContainEqual({ name: 'step', value: 'HKDF-Expand-Label' });
    expect(toHex(chts.inputs.find((i) => i.name === 'transcript hash')!.value as Uint8Array)).toBe(
      S3.helloHash,
    );
    const hsSecret = reported.find((r) => r.name === 'handshake_secret')!;
    expect(hsSecret.inputs).toContainEqual({ name: 'step', value: 'HKDF-Extract' });
    expect(reported.map((r) => r.name)).toContain('master_secret');
  });

  it('walks Section 4, the resumed handshake: PSK early secret, binder, every traffic secret', () => {
    const ks = new Tls13KeySchedule(suite);
    const psk = h('4ecd0eb6ec3b4d87f5d6028f922ca4c5851a277fd41311c9e62d2c9492e1c4f3');
    expect(toHex(ks.earlySecret(psk))).toBe(
      '9b2188e9b2fc6d64d71dc329900e20bb41915000f678aa839cbb797cb7d8332c',
    );
    expect(toHex(ks.binderKey('res'))).toBe(
      '69fe131a3bbad5d63c64eebcc30e395b9d8107726a13d074e389dbc8a4e47256',
    );
    const truncatedHash = hash('sha256', S4_CLIENT_HELLO_PREFIX);
    expect(toHex(truncatedHash)).toBe(
      '63224b2e4573f2d3454ca84b9d009a04f6be9e05711a8396473aefa01e924a14',
    );
    const binder = ks.binder('res', truncatedHash);
    expect(toHex(binder)).toBe('3add4fb2d8fdf822a0ca3cf7678ef5e88dae990141c5924d57bb6fa31b9e5f9d');
    expect(toHex(S4_BINDERS.subarray(3))).toBe(toHex(binder));

    const clientHello = concatBytes(S4_CLIENT_HELLO_PREFIX, S4_BINDERS);
    expect(toHex(ks.clientEarlyTrafficSecret(hash('sha256', clientHello)))).toBe(
      '3fbbe6a60deb66c30a32795aba0eff7eaa10105586e7be5c09678d63b6caab62',
    );
    expect(
      toHex(
        ks.handshakeSecret(h('f44194756ff9ec9d25180635d66ea6824c6ab3bf179977be37f723570e7ccb2e')),
      ),
    ).toBe('005cb112fd8eb4ccc623bb88a07c64b3ede1605363fc7d0df8c7ce4ff0fb4ae6');
    const hs = ks.handshakeTrafficSecrets(
      hash('sha256', concatBytes(clientHello, S4_SERVER_HELLO)),
    );
    expect(toHex(hs.client)).toBe(
      '2faac08f851d35fea3604fcb4de82dc62c9b164a70974d0462e27f1ab278700f',
    );
    expect(toHex(hs.server)).toBe(
      'fe927ae271312e8bf0275b581c54eef020450dc4ecffaa05a1a35d27518e7803',
    );
    const beforeFinished = concatBytes(clientHello, S4_SERVER_HELLO, S4_ENCRYPTED_EXTENSIONS);
    const serverVerify = ks.verifyData(
      'server',
      hs.server,
      'server_handshake_traffic_secret',
      hash('sha256', beforeFinished),
    );
    expect(toHex(serverVerify)).toBe(toHex(S4_SERVER_FINISHED.subarray(4)));
    expect(toHex(ks.masterSecret())).toBe(
      'e2d32d4ed66dd37897a0e80c84107503ce58bf8aad4cb55a5002d77ecb890ece',
    );
    const ap = ks.applicationTrafficSecrets(
      hash('sha256', concatBytes(beforeFinished, S4_SERVER_FINISHED)),
    );
    expect(toHex(ap.client)).toBe(
      '2abbf2b8e381d23dbebe1dd2a7d16a8bf484cb4950d23fb7fb7fa8547062d9a1',
    );
    expect(toHex(ap.server)).toBe(
      'cc21f1bf8feb7dd5fa505bd9c4b468a9984d554a993dc49e6d285598fb672691',
    );
    expect(toHex(ap.exporter)).toBe(
      '3fd93d4ffddc98e64b14dd107aedf8ee4add23f4510f58a4592d0b201bee56b4',
    );
  });

  it('refuses a stage out of order', () => {
    const ks = new Tls13KeySchedule(suite);
    expect(() => ks.handshakeTrafficSecrets(new Uint8Array(32))).toThrow(/handshake secret/);
    expect(() => ks.binderKey('res')).toThrow(/early secret/);
  });
});
