/**
 * The journey's English text, in one table so it can be translated in one place (as the lab's
 * tables are): its title and preset titles, the notes it adds to the Trace, and what each
 * field of a TCP header means (the explain keys of its spans).
 */

export const JOURNEY_TEXT = {
  title: 'Visit https://www.example.com',
  presets: {
    'visit-again': 'Visit, then visit again 30 seconds later',
    'again-after-two-minutes': 'Visit again two minutes later',
    'again-after-ten-minutes': 'Visit again ten minutes later',
    'wrong-certificate': 'A site whose certificate is for another name',
  },
} as const;

/** The notes the journey adds to a Trace ({url} is a note parameter). */
export const JOURNEY_NOTE_TEXT: Record<string, string> = {
  'journey.note.visit': 'The browser is asked to open {url}.',
};

/** What each TCP header field means, by the explain key of its span (RFC 9293, Section 3.1). */
export const TCP_FIELD_TEXT: Record<string, string> = {
  'tcp.source_port': 'The sender’s port. A client picks a free port for each connection.',
  'tcp.destination_port': 'The receiver’s port: 443 for HTTPS.',
  'tcp.sequence_number':
    'The number of the first byte in this segment. Each side starts from a random number, and SYN and FIN count as one byte each.',
  'tcp.acknowledgment_number':
    'The next byte the sender expects from the other side: everything before it has arrived.',
  'tcp.data_offset':
    'The length of the header, in 4-byte words: 5 words, 20 bytes, without options.',
  'tcp.flags':
    'The control bits: SYN opens a connection, ACK acknowledges, FIN closes it, RST aborts it.',
  'tcp.window': 'How many more bytes the sender can receive right now.',
  'tcp.checksum':
    'A checksum over the header, the data and both IP addresses, so a segment that was damaged or delivered to the wrong host is dropped.',
  'tcp.urgent_pointer': 'Not used here (the URG bit is not set).',
};
