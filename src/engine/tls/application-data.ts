import { phrase, type Span } from '../bytes/span';
import { annotateHttp, parseHttpHead } from '../http/http';

/**
 * The message name and spans for a TLS application_data payload (RFC 5246, Section 10). The
 * spans of an HTTP message are built when first read.
 */
export function describeApplicationData(data: Uint8Array): { name: string; spans: Span[] } {
  const head = parseHttpHead(data);
  if (!head) {
    return {
      name: 'ApplicationData',
      spans: [
        {
          name: 'application_data',
          offset: 0,
          length: data.length,
          value: phrase('bytes.count', { n: data.length }),
          explain: 'tls.application_data',
          children: [],
        },
      ],
    };
  }
  let spans: Span[] | undefined;
  return {
    name: `ApplicationData (${head.kind === 'request' ? head.summary : `HTTP ${head.summary}`})`,
    get spans(): Span[] {
      return (spans ??= annotateHttp(data).spans);
    },
  };
}
