/**
 * The server's request-head reader: complete only at the empty line that ends the head (CRLF or
 * bare LF, RFC 9112 Section 2.2), the same answer however the bytes are split, and a bound of
 * 8 KiB past which a request line is 414 and header fields are 431.
 */
import { describe, expect, it } from 'vitest';
import { spanValueText } from '../../src/i18n/span-value';
import { SPAN_VALUE_TEXT_EN } from '../../src/i18n/span-values.en';
import { utf8 } from '../../src/engine/bytes/hex';
import {
  MAX_REQUEST_HEAD,
  RequestHeadReader,
  annotateHttp,
  parseHttpHead,
  type RequestHeadProgress,
} from '../../src/engine/http/http';

function readAll(chunks: readonly string[]): RequestHeadProgress {
  const reader = new RequestHeadReader();
  let last: RequestHeadProgress = reader.progress;
  for (const chunk of chunks) last = reader.push(utf8(chunk));
  return last;
}

describe('RequestHeadReader', () => {
  it.each([
    ['CRLF', 'GET / HTTP/1.1\r\nHost: a\r\n\r\n'],
    ['bare LF (tlsfuzzer)', 'GET / HTTP/1.0\n\n'],
    ['mixed', 'GET / HTTP/1.1\r\nHost: a\n\r\n'],
  ])('completes a %s head at its empty line', (_, text) => {
    expect(readAll([text])).toEqual({
      kind: 'complete',
      head: { kind: 'request', startLine: text.split(/\r?\n/)[0], summary: 'GET /' },
      length: utf8(text).length,
    });
  });

  it('is not complete at the request line, nor before the empty line', () => {
    const reader = new RequestHeadReader();
    expect(reader.push(utf8('GET /x HTTP/1.1\r\n'))).toEqual({ kind: 'incomplete' });
    expect(reader.push(utf8('Host: a\r\n'))).toEqual({ kind: 'incomplete' });
    expect(reader.push(utf8('\r'))).toEqual({ kind: 'incomplete' });
    expect(reader.push(utf8('\n'))).toMatchObject({
      kind: 'complete',
      head: { summary: 'GET /x' },
    });
  });

  it('gives the same result for every split of the head into two chunks', () => {
    const text = 'POST /form HTTP/1.1\r\nHost: www.example.com\nAccept: */*\r\n\r\nbody';
    const whole = readAll([text]);
    expect(whole).toMatchObject({ kind: 'complete', length: text.length - 'body'.length });
    for (let cut = 0; cut <= text.length; cut++)
      expect(readAll([text.slice(0, cut), text.slice(cut)]), `cut at ${cut}`).toEqual(whole);
  });

  it('skips an empty line before the request line (RFC 9112 Section 2.2)', () => {
    expect(readAll(['\r\nGET / HTTP/1.1\r\n\r\n'])).toMatchObject({
      kind: 'complete',
      head: { startLine: 'GET / HTTP/1.1' },
    });
  });

  it('completes without a request for a head whose first line is not one', () => {
    expect(readAll(['HELLO\n\n'])).toEqual({ kind: 'complete', length: 7 });
    expect(readAll(['HTTP/1.1 200 OK\r\n\r\n'])).toEqual({ kind: 'complete', length: 19 });
  });

  it('refuses a request line of 8 KiB without a line end with 414, at once', () => {
    const reader = new RequestHeadReader();
    expect(reader.push(utf8(`GET /${'a'.repeat(MAX_REQUEST_HEAD - 6)}`))).toEqual({
      kind: 'incomplete',
    });
    expect(reader.push(utf8('a'))).toEqual({ kind: 'too_large', status: 414 });
    // Whatever follows changes nothing.
    expect(reader.push(utf8(' HTTP/1.1\r\n\r\n'))).toEqual({ kind: 'too_large', status: 414 });
  });

  it('refuses header fields that take the head past 8 KiB with 431', () => {
    const header = `X-Filler: ${'b'.repeat(100)}\r\n`;
    const head = `GET / HTTP/1.1\r\n${header.repeat(100)}\r\n`;
    expect(readAll([head])).toEqual({ kind: 'too_large', status: 431 });
    // Just under the bound is fine: 8192 bytes in all, the last two the empty line.
    const fits = `GET / HTTP/1.1\r\nX: ${'c'.repeat(MAX_REQUEST_HEAD - 16 - 3 - 4)}\r\n\r\n`;
    expect(utf8(fits).length).toBe(MAX_REQUEST_HEAD);
    expect(readAll([fits])).toMatchObject({ kind: 'complete', length: MAX_REQUEST_HEAD });
  });

  it('reads 8 MB pushed in 16 KiB records without holding more than its bound', () => {
    const reader = new RequestHeadReader();
    const record = utf8('a'.repeat(16_384));
    let progress: RequestHeadProgress = reader.progress;
    for (let i = 0; i < 512; i++) progress = reader.push(record);
    expect(progress).toEqual({ kind: 'too_large', status: 414 });
  });
});

describe('parseHttpHead and annotateHttp with bare LF', () => {
  it('reads a status line ended by LF alone', () => {
    expect(parseHttpHead(utf8('HTTP/1.0 200 ok\nContent-Type: text/html\n\n<p>'))).toEqual({
      kind: 'response',
      startLine: 'HTTP/1.0 200 ok',
      status: 200,
      summary: '200 ok',
    });
  });

  it('spans each line with its own terminator, one or two bytes', () => {
    const data = utf8('GET / HTTP/1.0\nHost: a\r\n\nxy');
    expect(
      annotateHttp(data).spans.map((s) => [
        s.name,
        s.offset,
        s.length,
        s.value === undefined ? undefined : spanValueText(SPAN_VALUE_TEXT_EN, s.value),
      ]),
    ).toEqual([
      ['start-line', 0, 15, 'GET / HTTP/1.0'],
      ['Host', 15, 9, 'a'],
      ['end of headers', 24, 1, undefined],
      ['body', 25, 2, '2 bytes'],
    ]);
  });

  it('spans a CRLF message exactly as before', () => {
    const data = utf8('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nhi');
    expect(annotateHttp(data).spans.map((s) => [s.name, s.offset, s.length])).toEqual([
      ['start-line', 0, 17],
      ['Content-Length', 17, 19],
      ['end of headers', 36, 2],
      ['body', 38, 2],
    ]);
  });
});
