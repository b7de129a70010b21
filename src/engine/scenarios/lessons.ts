/**
 * What to watch for in each scenario of the catalog (./catalog.ts) but the default, one paragraph
 * each, by scenario id, in English. Apart from the catalog because the page shows a lesson only
 * for the scenario on screen: the first drawing shows the default's, which stays in the catalog,
 * and these come with the lab's text (src/ui/i18n/en-lab.ts) when another scenario is picked.
 * The lab scenarios' lessons are in their own tables (lab/lessons.ts, lab/dns/lessons.ts,
 * journey/lesson.ts).
 */
export const SCENARIO_LESSONS: Readonly<Record<string, string>> = {
  'tls-client-certificate':
    'Some servers ask the client to prove who it is too: after its key exchange the server sends a CertificateRequest naming the certificate types, signature schemes and CAs it accepts. A browser without a client certificate does not give up. It answers with a Certificate message whose list is empty and sends no CertificateVerify, and this server goes on without client authentication. Both messages are hashed into the transcript, so the Finished messages cover them.',
  'tls13-full':
    'The same request over TLS 1.3. The ClientHello already carries a key share, so the server can answer with its own share in the ServerHello and switch to encryption at once: from EncryptedExtensions on, the certificate and everything after it is encrypted. The handshake takes one round trip instead of two, and the Keys tab shows the new key schedule: three HKDF stages instead of one PRF.',
  'tls13-hello-retry':
    'The client guesses which group the server wants and sends a key share only for x25519, but this server takes only the NIST curves. It cannot finish with that share, so it answers with a HelloRetryRequest naming secp256r1, and the client sends a second ClientHello with a share for it. Watch the extra round trip this costs, and how both sides replace the first ClientHello in the transcript with its hash (message_hash).',
  'tls13-resumption':
    'After the first handshake the server sends a NewSessionTicket: a pre-shared key the client can come back with. The second connection offers it in pre_shared_key, with a binder that proves the client holds the key. The server accepts it, so there is no Certificate and no CertificateVerify; a fresh key share still gives the new connection forward secrecy (psk_dhe_ke). The Keys tab shows the PSK entering the early secret.',
  'tls13-key-update':
    'Right after the handshake the client sends a KeyUpdate before its request: from the next record on it encrypts with a new traffic secret, derived from the old one with “traffic upd”, and it asks the server to do the same. The server answers with a KeyUpdate of its own before its response. No new key exchange and no extra round trip: TLS 1.2 had to renegotiate for this. The Keys tab shows both _1 secrets and how to reproduce them.',
  'tls-versions-compare':
    'The same browser asks the same server for the same page twice, at the same moment: once over TLS 1.2 (left lanes) and once over TLS 1.3 (right lanes). TLS 1.2 needs two round trips before the request can go out; TLS 1.3 needs one, so its GET leaves a round trip earlier and its answer arrives first. Open the Keys tab to compare the two key schedules.',
  'dns-cold':
    'Nothing is cached yet, so the recursive resolver walks the tree itself: it asks a root server, which refers it to the TLD servers, which refer it to the authoritative servers for the domain, which finally answer. Every layer caches what it learned on the way back.',
  'dns-warm':
    'The same name is looked up again 90 seconds later. The browser keeps answers for at most a minute, so it asks the OS resolver, whose cache still holds the answer: it replies at once, and no query leaves the machine. The TTL it hands back has counted down by the time that passed.',
  'dns-expired':
    'The second lookup happens after the answer’s TTL has run out, so the cached answer has expired. The delegations to the TLD and to the domain live much longer, so the resolver skips the root and goes straight to the servers it still knows.',
  'tls-bench-20':
    'Twenty full handshakes in a row: a long trace (300 messages) for measuring how the diagram copes.',
  'dns-bench-30':
    'Thirty cold lookups, two days apart so every cache has expired in between: a long trace (300 messages) for measuring how the diagram copes.',
};
