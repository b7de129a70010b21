/**
 * The HTTP/1.1 exchange carried inside TLS (RFC 9112): just enough to build a GET and a 200, and
 * to annotate the start line and headers of whatever the peer sends.
 */
import type { Encoded } from '../bytes/writer';
import type { Span } from '../bytes/span';
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

/** The first line of an HTTP/1.x message, if the bytes start with one. */
export function parseHttpHead(data: Uint8Array): HttpHead | undefined {
  const text = fromUtf8(data.subarray(0, Math.min(data.length, 8192)));
  const end = text.indexOf('\r\n');
  if (end < 0) return undefined;
  const startLine = text.slice(0, end);
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

/** Spans over an HTTP/1.x message: start line, each header line, the blank line and the body. */
export function annotateHttp(data: Uint8Array): Encoded {
  const spans: Span[] = [];
  const text = fromUtf8(data);
  // Offsets are byte offsets; HTTP heads are ASCII, so character and byte positions agree there.
  let at = 0;
  const headEnd = text.indexOf('\r\n\r\n');
  const head = headEnd < 0 ? text : text.slice(0, headEnd);
  head.split('\r\n').forEach((line, i) => {
    const length = utf8(line).length + 2;
    if (i === 0)
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
  });
  if (headEnd >= 0) {
    spans.push({
      name: 'end of headers',
      offset: at,
      length: 2,
      explain: 'http.end_of_headers',
      children: [],
    });
    at += 2;
    if (at < data.length)
      spans.push({
        name: 'body',
        offset: at,
        length: data.length - at,
        value: `${data.length - at} bytes`,
        explain: 'http.body',
        children: [],
      });
  }
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
