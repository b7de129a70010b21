/**
 * Golden transcripts in Go crypto/tls's format (its testdata/Client-TLSv12-* files): each flow as
 * a `>>> Flow N (client to server)` or `<<< Flow N (server to client)` header followed by a
 * hex.Dump of its bytes. Lines starting with `#` are comments (the run's parameters and the
 * NSS key log line that lets Wireshark decrypt the flows).
 */
export type FlowDirection = 'client' | 'server';

export interface GoldenFlow {
  from: FlowDirection;
  bytes: Uint8Array;
}

export interface GoldenTranscript {
  comments: string[];
  flows: GoldenFlow[];
}

const BYTES_PER_LINE = 16;

/** Go's encoding/hex Dump: offset, 16 bytes in two groups of 8, and the printable ASCII. */
export function hexDump(bytes: Uint8Array): string {
  let out = '';
  for (let at = 0; at < bytes.length; at += BYTES_PER_LINE) {
    const row = bytes.subarray(at, at + BYTES_PER_LINE);
    let hex = '';
    for (let i = 0; i < BYTES_PER_LINE; i++) {
      hex += i < row.length ? `${row[i]!.toString(16).padStart(2, '0')} ` : '   ';
      if (i === 7) hex += ' ';
    }
    const ascii = Array.from(row, (b) =>
      b >= 0x20 && b <= 0x7e ? String.fromCharCode(b) : '.',
    ).join('');
    out += `${at.toString(16).padStart(8, '0')}  ${hex} |${ascii}|\n`;
  }
  return out;
}

function header(index: number, from: FlowDirection): string {
  return from === 'client'
    ? `>>> Flow ${index} (client to server)`
    : `<<< Flow ${index} (server to client)`;
}

export function formatTranscript(t: GoldenTranscript): string {
  const parts = t.comments.map((c) => `# ${c}\n`);
  t.flows.forEach((flow, i) => parts.push(`${header(i + 1, flow.from)}\n${hexDump(flow.bytes)}`));
  return parts.join('');
}

const HEADER = /^(>>>|<<<) Flow (\d+) \((client to server|server to client)\)$/;
/** The hex columns of a dump line: after the 8-digit offset and two spaces, 16 × 3 + 1 characters. */
const HEX_COLUMNS = { from: 10, to: 59 };

/** Reads a transcript back; throws naming the line on anything it does not expect. */
export function parseTranscript(text: string): GoldenTranscript {
  const comments: string[] = [];
  const flows: GoldenFlow[] = [];
  let current: { from: FlowDirection; hex: string[] } | undefined;
  const finish = (): void => {
    if (current)
      flows.push({
        from: current.from,
        bytes: Uint8Array.from(current.hex.join('').match(/../g) ?? [], (h) => parseInt(h, 16)),
      });
  };
  text.split('\n').forEach((line, i) => {
    if (line === '') return;
    if (line.startsWith('# ')) {
      comments.push(line.slice(2));
      return;
    }
    const h = HEADER.exec(line);
    if (h) {
      finish();
      if (Number(h[2]) !== flows.length + 1)
        throw new Error(`line ${i + 1}: expected flow ${flows.length + 1}, found ${h[2]}`);
      const from: FlowDirection = h[1] === '>>>' ? 'client' : 'server';
      if ((from === 'client') !== (h[3] === 'client to server'))
        throw new Error(`line ${i + 1}: arrow and direction disagree`);
      current = { from, hex: [] };
      return;
    }
    if (!current || !/^[0-9a-f]{8} {2}/.test(line))
      throw new Error(`line ${i + 1}: not a flow header or a hex dump line: ${line}`);
    current.hex.push(line.slice(HEX_COLUMNS.from, HEX_COLUMNS.to).replace(/ /g, ''));
  });
  finish();
  return { comments, flows };
}
