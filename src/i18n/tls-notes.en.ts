/**
 * The TLS engine's notes that a handshake which succeeds writes into the Trace, in English: why
 * the server chose its suite, and the words for the two sides. The page draws them in the first
 * handshake, so they come with the first load (src/ui/i18n/en.ts); the faults and the rest of
 * ./tls.en.ts arrive before a run that needs them (src/ui/i18n/en-tls.ts).
 */
export const TLS_NOTES_EN: Readonly<Record<string, string>> = {
  'tls.language': 'en',
  'tls.side.client': 'client',
  'tls.side.server': 'server',

  'tls.server.misbehave_select_suite':
    'The server misbehaves on purpose: its ServerHello names {suite} instead of the suite it chose.',
  // Why the server chose its suite (negotiate.ts).
  'tls.server.why.server_order':
    'The server picked {suite} because it was the first suite in its own preference list that the client offered.',
  'tls.server.why.server_order_after_passing_over':
    'The server picked {suite} because it was the first suite in its own preference list that the client offered, after passing over {passedOver}.',
  'tls.server.why.client_order':
    "The server picked {suite} because it was the first suite in the client's preference list that the server supports.",
  'tls.server.why.client_order_after_passing_over':
    "The server picked {suite} because it was the first suite in the client's preference list that the server supports, after passing over {passedOver}.",
  'tls.server.passed_over.no_certificate':
    'The server passed over {suite}: it has no {auth} certificate.',
  'tls.server.passed_over.curve_not_offered':
    "The server passed over {suite}: the ECDSA certificate's curve, {curves}, is not in the client's supported_groups.",
  'tls.server.passed_over.no_signature_scheme':
    'The server passed over {suite}: no shared signature algorithm for its key.',
};
