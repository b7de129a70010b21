/**
 * Which tlsfuzzer scripts apply to `tls serve` (TLS 1.2 and TLS 1.3; ECDHE with RSA or ECDSA
 * certificates; AES-GCM and ChaCha20-Poly1305; no CBC, CCM, RSA key transport, DHE, SHA-1
 * signatures, renegotiation, client certificates, heartbeat, OCSP or 0-RTT), with the arguments
 * that make them speak our suites, the probes each leaves out or expects to fail, and why.
 */

/** tlsfuzzer's -C: the suite a script negotiates, where it lets us choose. */
const GCM = ['-C', 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256'];
/** -d: (EC)DHE with supported_groups and signature_algorithms, then -C above. */
const ECDHE_GCM = ['-d', ...GCM];

/** Why a probe or script cannot pass here. */
const WHY = {
  cbc: 'CBC suites only; we implement AEAD suites only',
  rsaKex: 'RSA key transport (TLS_RSA_*); we do ECDHE only',
  dhe: 'finite-field DHE; we do ECDHE only',
  sha1: 'no signature_algorithms, which RFC 5246 §7.4.1.4.1 reads as SHA-1 signatures; we make none',
  oldVersion: 'TLS 1.0/1.1 or SSL 3.0; we speak TLS 1.2 only and answer protocol_version',
  renegotiation:
    'renegotiation; we refuse it with a no_renegotiation warning (RFC 5246 §7.2.2), as OpenSSL does with renegotiation off',
  sslv2: 'SSLv2 or an SSLv2-compatible ClientHello (RFC 5246 Appendix E.2), which we do not accept',
  x448: 'x448 is not one of our groups',
  clientCert: 'client certificates; our server never asks for one',
  pssCertificate:
    'rsa_pss_pss_* schemes need an RSA-PSS (id-RSASSA-PSS) certificate; ours hold rsaEncryption and EC keys',
  sha224: 'SHA-224 signatures; our schemes hash with SHA-256, SHA-384 or SHA-512',
  sha1Scheme: 'SHA-1 signatures, which we never make',
} as const;

/**
 * TLS 1.3 scripts that pass whole with their defaults (TLS_AES_128_GCM_SHA256, secp256r1 or
 * x25519, rsa_pss_rsae_sha256).
 */
const TLS13_PASSING = [
  'test-tls13-ccs.py',
  'test-tls13-conversation.py',
  'test-tls13-count-tickets.py',
  'test-tls13-empty-alert.py',
  'test-tls13-finished-plaintext.py',
  'test-tls13-hrr.py',
  'test-tls13-invalid-ciphers.py',
  'test-tls13-keyupdate.py',
  'test-tls13-keyshare-omitted.py',
  'test-tls13-legacy-version.py',
  'test-tls13-minerva.py',
  'test-tls13-nociphers.py',
  'test-tls13-pkcs-signature.py',
  'test-tls13-record-layer-limits.py',
  'test-tls13-record-padding.py',
  'test-tls13-rsa-signatures.py',
  'test-tls13-shuffled-extentions.py',
  'test-tls13-signature-algorithms.py',
  'test-tls13-unencrypted-alert.py',
  'test-tls13-zero-content-type.py',
  'test-tls13-zero-length-data.py',
];

export interface ScriptRun {
  script: string;
  args?: string[];
  /**
   * The script hard-codes TLS_ECDHE_*_WITH_AES_*_CBC_SHA and has no -C: offer the same key
   * exchange with AES-GCM instead (tlsfuzzer.ts, CBC_TO_GCM_SHIM).
   */
  cbcToGcm?: boolean;
  /**
   * tlsfuzzer's -n: how many probes, sampled at random; 0 (the default here) runs them all. Only
   * for scripts whose full set would take many minutes.
   */
  sample?: number;
  /** Probes (conversation names) left out with -e, each with why. */
  exclude?: { probe: string; reason: string }[];
  /**
   * Probes run with -x/-X: they must fail, and with this text in the error (our answer), so a
   * change in what we send still fails the run.
   */
  expectFail?: { probe: string; error: string; reason: string }[];
}

export function runArguments(r: ScriptRun): string[] {
  return [
    '-n',
    String(r.sample ?? 0),
    ...(r.args ?? []),
    ...(r.exclude ?? []).flatMap((e) => ['-e', e.probe]),
    ...(r.expectFail ?? []).flatMap((e) => ['-x', e.probe, '-X', e.error]),
  ];
}

/** The script's sanity probe negotiates RSA key transport with CBC; we answer handshake_failure. */
const SANITY_RSA = {
  probe: 'sanity',
  error: 'handshake_failure',
  reason: `${WHY.rsaKex}; ${WHY.cbc}`,
};

const EXTENSION_COUNTS = [
  31, 32, 33, 63, 64, 65, 100, 127, 128, 129, 256, 1024, 4085, 4086, 4096, 8192, 16383,
];

export const SCRIPT_RUNS: ScriptRun[] = [
  ...TLS13_PASSING.map((script) => ({ script })),
  {
    script: 'test-tls13-dhe-shared-secret-padding.py',
    exclude: [
      { probe: 'TLS 1.3 with ffdhe2048', reason: WHY.dhe },
      { probe: 'TLS 1.3 with ffdhe3072', reason: WHY.dhe },
      { probe: 'TLS 1.3 with x448', reason: WHY.x448 },
    ],
  },
  {
    script: 'test-tls13-finished.py',
    exclude: [
      'TLS_AES_128_GCM_SHA256, pad_byte 0, pad_left 0, pad_right 16777183',
      'TLS_AES_256_GCM_SHA384, pad_byte 0, pad_left 0, pad_right 16777167',
    ].map((tail) => ({
      probe: `padding - cipher ${tail}`,
      reason:
        'a 16 MB Finished: we answer decode_error at its header (over our 64 KiB handshake message bound) and close, and the script then reads that alert again where it waits for the close; not yet understood',
    })),
  },
  {
    script: 'test-tls13-large-number-of-extensions.py',
    exclude: [
      'empty unassigned extensions, ids in range from 2 to 4119',
      'unassigned extensions with random payload, ids in range from 2 to 1047',
    ].map((probe) => ({
      probe,
      reason:
        'malformed TLS 1.2-only extensions (ec_point_formats, extended_master_secret) in a TLS 1.3 ClientHello: we decode the hello before the version is chosen and answer decode_error, where OpenSSL ignores them',
    })),
  },
  {
    script: 'test-tls13-0rtt-garbage.py',
    expectFail: [
      {
        probe: 'handshake with invalid 0-RTT and unknown version (downgrade to TLS 1.2)',
        error: 'handshake_failure',
        reason: `its TLS 1.2 fallback offers ${WHY.rsaKex} and CBC`,
      },
    ],
  },
  { script: 'test-signature-algorithms.py', args: ['--no-sha1'], cbcToGcm: true },
  {
    script: 'test-sig-algs.py',
    cbcToGcm: true,
    expectFail: ['256', '384', '512'].map((bits) => ({
      probe: `rsa_pss_pss_sha${bits} only`,
      error: 'handshake_failure',
      reason: WHY.pssCertificate,
    })),
  },
  {
    script: 'test-ecdsa-sig-flexibility.py',
    cbcToGcm: true,
    expectFail: [
      {
        probe: 'connect with sha1+ecdsa only',
        error: 'handshake_failure',
        reason: WHY.sha1Scheme,
      },
      { probe: 'connect with sha224+ecdsa only', error: 'handshake_failure', reason: WHY.sha224 },
    ],
  },
  // Without -C: with -C the script leaves its AES-256-GCM list empty (it tests aes256CcmSuites).
  { script: 'test-aes-gcm-nonces.py', args: ['-d'], cbcToGcm: true },
  { script: 'test-ccs.py', args: ECDHE_GCM },
  { script: 'test-client-hello-max-size.py', args: ['-d'], cbcToGcm: true },
  { script: 'test-clienthello-md5.py', expectFail: [SANITY_RSA] },
  { script: 'test-connection-abort.py', args: ECDHE_GCM },
  { script: 'test-conversation.py', args: ECDHE_GCM },
  { script: 'test-cve-2016-6309.py', args: ECDHE_GCM },
  { script: 'test-cve-2016-7054.py', args: ['-C', 'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256'] },
  {
    script: 'test-downgrade-protection.py',
    args: ['-d'],
    cbcToGcm: true,
    expectFail: [
      {
        probe: 'TLS 1.3 downgrade check for Protocol (3, 1)',
        error: 'protocol_version',
        reason: WHY.oldVersion,
      },
      {
        probe: 'TLS 1.3 downgrade check for Protocol (3, 2)',
        error: 'protocol_version',
        reason: WHY.oldVersion,
      },
    ],
  },
  { script: 'test-early-application-data.py', args: ECDHE_GCM },
  { script: 'test-ecdhe-rsa-key-exchange-with-bad-messages.py', args: GCM },
  {
    script: 'test-extended-master-secret-extension.py',
    args: ['-d'],
    cbcToGcm: true,
    expectFail: [
      { probe: 'sanity TLSv1.1', error: 'protocol_version', reason: WHY.oldVersion },
      {
        probe: 'extended master secret in TLSv1.1',
        error: 'protocol_version',
        reason: WHY.oldVersion,
      },
      { probe: 'extended master secret w/DHE', error: 'handshake_failure', reason: WHY.dhe },
      ...[
        'extended master secret with renegotiation',
        'renegotiate without EMS in session with EMS',
        'renegotiate with EMS in session without EMS',
      ].map((probe) => ({
        probe,
        error: 'Alert(warning, no_renegotiation)',
        reason: WHY.renegotiation,
      })),
      {
        probe: 'EMS with session resume without extension',
        error: 'received "illegal_parameter"',
        reason:
          "RFC 7627 §5.3 names no alert; we send illegal_parameter as OpenSSL does (SSL_R_INCONSISTENT_EXTMS), the script expects tlslite-ng's handshake_failure",
      },
    ],
  },
  {
    script: 'test-extensions.py',
    expectFail: [SANITY_RSA],
    exclude: [
      ...EXTENSION_COUNTS.flatMap((n) =>
        [`${n} extensions`, `${n} extensions last empty`].map((probe) => ({
          probe,
          reason: `completes a handshake with ${WHY.rsaKex}`,
        })),
      ),
      { probe: 'sanity - secure renego ext', reason: WHY.rsaKex },
    ],
  },
  {
    script: 'test-fallback-scsv.py',
    args: ['-d'],
    cbcToGcm: true,
    expectFail: [
      { probe: 'sanity - TLSv1.1', error: 'protocol_version', reason: WHY.oldVersion },
      { probe: 'record TLSv1.1 hello TLSv1.1', error: 'protocol_version', reason: WHY.oldVersion },
    ],
  },
  { script: 'test-fuzzed-ciphertext.py', args: ECDHE_GCM },
  { script: 'test-hello-request-by-client.py', args: ECDHE_GCM },
  { script: 'test-interleaved-CKE-with-CCS.py', args: GCM },
  { script: 'test-invalid-cipher-suites.py', expectFail: [SANITY_RSA] },
  {
    script: 'test-invalid-client-hello.py',
    expectFail: [SANITY_RSA, { ...SANITY_RSA, probe: 'sanity w/ext' }],
  },
  { script: 'test-invalid-client-hello-w-record-overflow.py', args: ECDHE_GCM },
  { script: 'test-invalid-compression-methods.py', args: ECDHE_GCM },
  { script: 'test-invalid-content-type.py', args: ECDHE_GCM },
  {
    script: 'test-invalid-server-name-extension.py',
    args: ['-d'],
    cbcToGcm: true,
    expectFail: [
      {
        probe: 'incorrect SNI',
        error: 'server_hello',
        reason:
          'we serve one certificate whatever the name, as OpenSSL without a servername callback; RFC 6066 §3 lets the server go on without unrecognized_name',
      },
    ],
  },
  { script: 'test-invalid-session-id.py', expectFail: [SANITY_RSA] },
  { script: 'test-invalid-version.py', expectFail: [SANITY_RSA] },
  // Its full set is thousands of hellos of up to 128 KiB (over 10 minutes); 200 at random.
  { script: 'test-large-hello.py', args: ['-d'], sample: 200 },
  { script: 'test-large-number-of-extensions.py', args: ['-d'], cbcToGcm: true },
  { script: 'test-message-skipping.py', args: ['-d'], cbcToGcm: true },
  { script: 'test-no-heartbeat.py', args: ['-d'], cbcToGcm: true },
  { script: 'test-no-mlkem-in-old-tls.py', args: ECDHE_GCM },
  { script: 'test-point-extension.py', args: GCM },
  { script: 'test-record-layer-fragmentation.py', args: ECDHE_GCM },
  { script: 'test-renegotiation-disabled.py', args: ECDHE_GCM },
  // --swap-ciphers: like OpenSSL's default order, we prefer AES-128 to AES-256.
  {
    script: 'test-resumption-with-wrong-ciphers.py',
    args: ['-d', '--swap-ciphers'],
    cbcToGcm: true,
  },
  {
    script: 'test-session-ticket-resumption.py',
    args: ['-d', '--no-new-ticket-on-resumption'],
    cbcToGcm: true,
    expectFail: [
      'session resumption with renegotiation',
      'renegotiation with removal of session_ticket ext',
    ].map((probe) => ({
      probe,
      error: 'Alert(warning, no_renegotiation)',
      reason: WHY.renegotiation,
    })),
  },
  { script: 'test-sessionID-resumption.py', args: ['-d'], cbcToGcm: true },
  { script: 'test-ssl-death-alert.py', args: ['-d'], cbcToGcm: true },
  { script: 'test-truncating-of-client-hello.py', args: ECDHE_GCM },
  { script: 'test-version-numbers.py', args: ECDHE_GCM },
  {
    script: 'test-x25519.py',
    cbcToGcm: true,
    exclude: [
      ...[
        'all zero x448 key share',
        'empty x448 key share',
        'sanity - negotiate x448',
        'too big x448 key share',
        'too small x448 key share',
        'x448 key share of "1"',
      ].map((probe) => ({ probe, reason: WHY.x448 })),
      ...[
        'fallback to DHE when no extensions specified',
        'fallback to DHE when no groups specified',
        'only secp163k1 group - fallback to DHE',
        'only unknown group - fallback to DHE',
        'only x25519 and x448 groups - allow for DHE fallback',
      ].map((probe) => ({ probe, reason: WHY.dhe })),
      { probe: 'default to P-256/sha-1 when no extensions specified', reason: WHY.sha1 },
    ],
  },
  { script: 'test-zero-length-data.py', args: ECDHE_GCM },
];

/** Scripts that cannot apply, each with the reason. */
export const EXCLUDED_SCRIPTS: { script: string; reason: string }[] = [
  ...[
    'test-atypical-padding.py',
    'test-cve-2016-2107.py',
    'test-encrypt-then-mac.py',
    'test-encrypt-then-mac-renegotiation.py',
    'test-fuzzed-MAC.py',
    'test-fuzzed-padding.py',
    'test-fuzzed-plaintext.py',
    'test-lucky13.py',
  ].map((script) => ({ script, reason: `tests CBC padding or MAC: ${WHY.cbc}` })),
  { script: 'test-aesccm.py', reason: 'AES-CCM suites, which we do not implement' },
  ...[
    'test-bleichenbacher-timing-marvin.py',
    'test-bleichenbacher-timing-pregenerate.py',
    'test-bleichenbacher-workaround.py',
    'test-invalid-rsa-key-exchange-messages.py',
    'test-truncating-of-kRSA-client-key-exchange.py',
    'test-fuzzed-finished.py',
    'test-empty-extensions.py',
    'test-truncating-of-finished.py',
    'test-message-duplication.py',
    'test-openssl-3712.py',
    'test-serverhello-random.py',
  ].map((script) => ({
    script,
    reason: `every probe completes a handshake with ${WHY.rsaKex} (no -C or -d)`,
  })),
  ...[
    'test-chacha20.py',
    'test-ecdhe-rsa-key-exchange.py',
    'test-ecdhe-padded-shared-secret.py',
    'test-ecdhe-rsa-key-share-random.py',
    'test-unsupported-curve-fallback.py',
  ].map((script) => ({ script, reason: `its handshakes send ${WHY.sha1}` })),
  ...[
    'test-dhe-key-share-random.py',
    'test-dhe-no-shared-secret-padding.py',
    'test-dhe-rsa-key-exchange.py',
    'test-dhe-rsa-key-exchange-signatures.py',
    'test-dhe-rsa-key-exchange-with-bad-messages.py',
    'test-ffdhe-expected-params.py',
    'test-ffdhe-negotiation.py',
  ].map((script) => ({ script, reason: WHY.dhe })),
  ...[
    'test-SSLv3-padding.py',
    'test-TLSv1_2-rejected-without-TLSv1_2.py',
    'test-export-ciphers-rejected.py',
  ].map((script) => ({ script, reason: WHY.oldVersion })),
  ...[
    'test-sslv2-connection.py',
    'test-sslv2-force-cipher.py',
    'test-sslv2-force-cipher-3des.py',
    'test-sslv2-force-cipher-non3des.py',
    'test-sslv2-force-export-cipher.py',
    'test-sslv2hello-protocol.py',
  ].map((script) => ({ script, reason: WHY.sslv2 })),
  ...[
    'test-legacy-renegotiation.py',
    'test-renegotiation-changed-clienthello.py',
    'test-interleaved-application-data-in-renegotiation.py',
    'test-interleaved-application-data-and-fragmented-handshakes-in-renegotiation.py',
    'test-sig-algs-renegotiation-resumption.py',
  ].map((script) => ({ script, reason: WHY.renegotiation })),
  ...[
    'test-certificate-malformed.py',
    'test-certificate-request.py',
    'test-certificate-verify.py',
    'test-certificate-verify-malformed.py',
    'test-certificate-verify-malformed-sig.py',
    'test-dsa-in-certificate-verify.py',
    'test-ecdsa-in-certificate-verify.py',
    'test-eddsa-in-certificate-verify.py',
    'test-extended-master-secret-extension-with-client-cert.py',
    'test-renegotiation-disabled-client-cert.py',
    'test-rsa-pss-sigs-on-certificate-verify.py',
    'test-rsa-sigs-on-certificate-verify.py',
  ].map((script) => ({ script, reason: WHY.clientCert })),
  { script: 'test-dsa-sig-flexibility.py', reason: 'DSA certificates' },
  {
    script: 'test-heartbeat.py',
    reason: 'the heartbeat extension (RFC 6520), which we do not offer',
  },
  { script: 'test-ocsp-stapling.py', reason: 'OCSP stapling (status_request), which we do not do' },
  {
    script: 'test-record-size-limit.py',
    reason: 'record_size_limit (RFC 8449), which we do not do; its probes are mostly TLS 1.3',
  },
  {
    script: 'test-alpn-negotiation.py',
    reason: 'its probes resume and renegotiate with RSA key transport in the same conversations',
  },
  {
    script: 'test-client-compatibility.py',
    reason: 'replays real clients of 2014–2017 whose hellos offer mostly CBC and RSA key transport',
  },
  { script: 'test-cve-2004-0079.py', reason: 'offers CBC only (its -C is the suite under test)' },
  {
    script: 'test-lengths.py',
    reason: 'needs a server that echoes application data (tlslite-ng --echo)',
  },
  ...[
    'test-tls13-certificate-request.py',
    'test-tls13-certificate-verify.py',
    'test-tls13-client-certificate-compression.py',
    'test-tls13-ecdsa-brainpool-in-certificate-verify.py',
    'test-tls13-ecdsa-in-certificate-verify.py',
    'test-tls13-eddsa-in-certificate-verify.py',
    'test-tls13-mldsa-in-certificate-verify.py',
    'test-tls13-post-handshake-auth.py',
  ].map((script) => ({ script, reason: WHY.clientCert })),
  ...[
    'test-tls13-ffdhe-groups.py',
    'test-tls13-ffdhe-sanity.py',
    'test-tls13-unrecognised-groups.py',
  ].map((script) => ({ script, reason: WHY.dhe })),
  ...['test-tls13-crfg-curves.py', 'test-tls13-ecdhe-curves.py'].map((script) => ({
    script,
    reason: `${WHY.x448}; its other probes pass`,
  })),
  {
    script: 'test-tls13-serverhello-random.py',
    reason: 'each group in turn, half of them x448 and FFDHE, which we lack; the rest pass',
  },
  ...[
    'test-tls13-ecdhe-brainpool-curves.py',
    'test-tls13-ecdsa-support.py',
    'test-tls13-obsolete-curves.py',
  ].map((script) => ({
    script,
    reason:
      'brainpool and obsolete curves: we offer none, and do not make the MAY checks of RFC 8446 §4.2.8 on them',
  })),
  { script: 'test-tls13-mlkem.py', reason: 'ML-KEM groups, which we do not offer' },
  { script: 'test-tls13-eddsa.py', reason: 'needs an Ed25519 or Ed448 server certificate' },
  { script: 'test-tls13-rsapss-signatures.py', reason: WHY.pssCertificate },
  { script: 'test-tls13-symetric-ciphers.py', reason: 'AES-CCM suites, which we do not offer' },
  {
    script: 'test-tls13-certificate-compression.py',
    reason: 'certificate compression (RFC 8879), which we do not do: we ignore the extension',
  },
  {
    script: 'test-tls13-psk_dhe_ke.py',
    reason: 'external PSKs (its --psk); we resume with our own tickets only',
  },
  {
    script: 'test-tls13-psk_ke.py',
    reason: 'psk_ke (PSK without ECDHE); we resume with psk_dhe_ke only',
  },
  {
    script: 'test-tls13-session-resumption.py',
    reason: 'its TLS 1.2 probes use RSA key transport, and one resumes with psk_ke only',
  },
  {
    script: 'test-tls13-version-negotiation.py',
    reason: `its TLS 1.2 fallbacks offer ${WHY.rsaKex} and CBC`,
  },
  {
    script: 'test-tls13-non-support.py',
    reason: 'for servers without TLS 1.3',
  },
  {
    script: 'test-tls13-connection-abort.py',
    reason:
      'expects a NewSessionTicket after a ClientHello without psk_key_exchange_modes; like OpenSSL we send none (RFC 8446 §4.2.9)',
  },
  {
    script: 'test-tls13-no-unknown-groups.py',
    reason:
      "expects the HelloRetryRequest to name the client's first group; ours names the server's preferred one",
  },
  {
    script: 'test-tls13-multiple-ccs-messages.py',
    reason:
      'expects a second compatibility ChangeCipherSpec to be refused; we drop each one, as RFC 8446 §5 words it',
  },
  {
    script: 'test-tls13-keyupdate-from-server.py',
    reason: 'needs a server that starts a KeyUpdate of its own',
  },
  { script: 'test-tls13-lengths.py', reason: 'runs over 5 minutes here; not yet run to the end' },
];
