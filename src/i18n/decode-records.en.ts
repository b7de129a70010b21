/**
 * Why pasted TLS records did not decode, in English: the keys only the Decode view's record
 * decoder throws (../engine/tls/decode.ts, with RecordsDecodeError). Apart from ./decode.en.ts
 * because that decoder is loaded with the Decode view, while the TLS engine's own decoding is in
 * the first load.
 */
export const RECORDS_DECODE_TEXT_EN = {
  'decode.tls.in_record': 'record {record}: {problem}',
  'decode.tls.empty_input': 'no TLS records: the input is empty',
  'decode.tls.record_version_not_tls': 'record version {version} is not TLS (major version 3)',
  'decode.tls.empty_handshake_record': 'empty handshake record',
  'decode.tls.reassembled': 'handshake message reassembled across records: {cause}',
  'decode.tls.ech_type': 'ECHClientHelloType {type} is neither outer nor inner',
  'decode.tls.record_size_limit': 'record_size_limit {limit} is below 64',
  'decode.tls.curve_type': 'curve_type {type} is not named_curve (3)',
  'decode.tls.heartbeat_padding':
    'heartbeat payload_length {length} leaves less than 16 bytes of padding in {left}',
  'decode.tls.challenge_length': 'challenge_length {length} is not 16 to 32',
} as const;
