/**
 * The HTTP/1.1 exchange carried inside TLS (RFC 9112): just enough to build a GET and a 200, and
 * to annotate the start line and headers of whatever the peer sends.
 */
import type { Encoded } from '../bytes/writer';
import { phrase, type Span } from '../bytes/span';
import { fromUtf8, utf8 } from '../bytes/hex';

export function buildGetRequest(host: string, path: string): Uint8Array {
  return utf8(
    `GET ${path} HTTP/1.1\r\nHost: ${host}\r\nUser-Agent: wirestep/0.1\r\nAccept: text/html\r\nConnection: close\r\n\r\n`,
  );
}

export function buildOkResponse(body: string, serverName = 'wirestep'): Uint8Array {
  const bodyBytes = utf8(body);
  return utf8(
    `HTTP/1.1 200 OK\r\nServer: ${serverName}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: ${bodyBytes.length}\r\nConnection: close\r\n\r\n${body}`,
  );
}

export function demoPage(host: string): string {
  return `<!doctype html><html><head><title>${host}</title></head><body><h1>Hello from ${host}</h1><p>Served over TLS 1.2 by Wirestep.</p></body></html>\n`;
}

export interface HttpHead {
  /** "GET /" for a request, "200 OK" for a response. */
  summary: string;
  kind: 'request' | 'response';
  startLine: string;
  /** Status code for a response. */
  status?: number;
}

const LF = 0x0a;
const CR = 0x0d;

/**
 * The first line of an HTTP/1.x message, if the bytes start with one. RFC 9112, Section 2.2: the
 * line ends in CRLF, and a recipient MAY take a bare LF as the end and ignore a CR before it.
 */
export function parseHttpHead(data: Uint8Array): HttpHead | undefined {
  const text = fromUtf8(data.subarray(0, Math.min(data.length, MAX_REQUEST_HEAD)));
  const end = text.indexOf('\n');
  if (end < 0) return undefined;
  return parseStartLine(text.slice(0, end > 0 && text[end - 1] === '\r' ? end - 1 : end));
}

function parseStartLine(startLine: string): HttpHead | undefined {
  const response = /^HTTP\/1\.[01] (\d{3})(?: (.*))?$/.exec(startLine);
  if (response)
    return {
      kind: 'response',
      startLine,
      status: Number(response[1]),
      summary: `${response[1]} ${response[2] ?? ''}`.trim(),
    };
  const request = /^([A-Z]+) (\S+) HTTP\/1\.[01]$/.exec(startLine);
  if (request) return { kind: 'request', startLine, summary: `${request[1]} ${request[2]}` };
  return undefined;
}

/**
 * The most a request head (request line and header fields) may take: 8 KiB, the size of one of
 * nginx's large_client_header_buffers (default `4 8k`), beyond which nginx answers 414 for a
 * request line and refuses the header.
 */
export const MAX_REQUEST_HEAD = 8192;

export type RequestHeadProgress =
  | { kind: 'incomplete' }
  /** The head has ended (an empty line); `head` is undefined if its first line is no request. */
  | { kind: 'complete'; head?: HttpHead; length: number }
  /** RFC 9110, Section 15.5.15 (414) and RFC 6585, Section 5 (431): past MAX_REQUEST_HEAD. */
  | { kind: 'too_large'; status: 414 | 431 };

/**
 * Collects a request head from the chunks it arrives in, looking at each byte once: the bytes go
 * into one fixed buffer of MAX_REQUEST_HEAD, so a peer that never ends its line costs neither
 * copying nor memory beyond that. Lines end in CRLF or a bare LF (RFC 9112, Section 2.2).
 */
export class RequestHeadReader {
  private readonly buffer = new Uint8Array(MAX_REQUEST_HEAD);
  private length = 0;
  private lineStart = 0;
  private requestLineEnd = -1;
  private result: RequestHeadProgress = { kind: 'incomplete' };

  get progress(): RequestHeadProgress {
    return this.result;
  }

  push(chunk: Uint8Array): RequestHeadProgress {
    for (let i = 0; i < chunk.length && this.result.kind === 'incomplete'; i++) {
      const byte = chunk[i]!;
      this.buffer[this.length] = byte;
      if (byte === LF) this.endLine(this.length);
      this.length++;
      if (this.result.kind === 'incomplete' && this.length === MAX_REQUEST_HEAD)
        this.result = { kind: 'too_large', status: this.requestLineEnd < 0 ? 414 : 431 };
    }
    return this.result;
  }

  /** The line from lineStart ends with the LF at `lf`. */
  private endLine(lf: number): void {
    const contentEnd = lf > this.lineStart && this.buffer[lf - 1] === CR ? lf - 1 : lf;
    const empty = contentEnd === this.lineStart;
    this.lineStart = lf + 1;
    if (!empty) {
      if (this.requestLineEnd < 0) this.requestLineEnd = contentEnd;
      return;
    }
    // RFC 9112, Section 2.2: a server SHOULD ignore at least one empty line before the request line.
    if (this.requestLineEnd < 0) return;
    const text = fromUtf8(this.buffer.subarray(0, this.requestLineEnd));
    const firstLine = text.slice(text.lastIndexOf('\n') + 1);
    const head = parseStartLine(firstLine);
    this.result = {
      kind: 'complete',
      ...(head?.kind === 'request' ? { head } : {}),
      length: lf + 1,
    };
  }
}

const REASON: Readonly<Record<number, string>> = {
  200: 'OK',
  400: 'Bad Request',
  414: 'URI Too Long',
  431: 'Request Header Fields Too Large',
};

/** A short error response for a request we refuse (RFC 9110, Section 15.5), then close. */
export function buildErrorResponse(status: 400 | 414 | 431, serverName = 'wirestep'): Uint8Array {
  const body = `<!doctype html><title>${status} ${REASON[status]}</title><h1>${status} ${REASON[status]}</h1>\n`;
  return utf8(
    `HTTP/1.1 ${status} ${REASON[status]}\r\nServer: ${serverName}\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: ${utf8(body).length}\r\nConnection: close\r\n\r\n${body}`,
  );
}

/**
 * Spans over an HTTP/1.x message: start line, each header line, the blank line and the body. Lines
 * may end in CRLF or a bare LF (RFC 9112, Section 2.2); each span covers its line's terminator.
 */
export function annotateHttp(data: Uint8Array): Encoded {
  const spans: Span[] = [];
  const text = fromUtf8(data);
  // Offsets are byte offsets; HTTP heads are ASCII, so character and byte positions agree there.
  let at = 0;
  let from = 0;
  let ended = false;
  for (let index = 0; ; index++) {
    const lf = text.indexOf('\n', from);
    const terminator = lf < 0 ? 0 : lf > from && text[lf - 1] === '\r' ? 2 : 1;
    const line = text.slice(from, lf < 0 ? text.length : lf + 1 - terminator);
    if (lf >= 0 && line === '' && index > 0) {
      spans.push({
        name: 'end of headers',
        offset: at,
        length: terminator,
        explain: 'http.end_of_headers',
        children: [],
      });
      at += terminator;
      ended = true;
      break;
    }
    if (lf < 0 && line === '') break;
    const length = utf8(line).length + terminator;
    if (index === 0)
      spans.push({
        name: 'start-line',
        offset: at,
        length,
        value: line,
        explain: 'http.start_line',
        children: [],
      });
    else {
      const colon = line.indexOf(':');
      spans.push({
        name: colon > 0 ? line.slice(0, colon) : 'header',
        offset: at,
        length,
        value: colon > 0 ? line.slice(colon + 1).trim() : line,
        explain: 'http.header',
        children: [],
      });
    }
    at += length;
    if (lf < 0) break;
    from = lf + 1;
  }
  if (ended && at < data.length)
    spans.push({
      name: 'body',
      offset: at,
      length: data.length - at,
      value: phrase('bytes.count', { n: data.length - at }),
      explain: 'http.body',
      children: [],
    });
  return { bytes: data, spans };
}

/** True once `data` holds a whole response: its head and Content-Length bytes of body. */
export function isCompleteResponse(data: Uint8Array): boolean {
  const text = fromUtf8(data);
  const headEnd = text.indexOf('\r\n\r\n');
  if (headEnd < 0) return false;
  const length = /\r\ncontent-length:\s*(\d+)/i.exec(text.slice(0, headEnd));
  if (!length) return false;
  return utf8(text.slice(headEnd + 4)).length >= Number(length[1]);
}
