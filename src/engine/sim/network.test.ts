import { describe, expect, it } from 'vitest';
import { DEFAULT_LINK_LATENCY_MS, SimNetwork } from './network';

const bytes = (...b: number[]) => Uint8Array.from(b);
const echo = (request: Uint8Array) => ({ bytes: request.map((b) => b + 1) });

describe('SimNetwork', () => {
  it('delivers a request and its reply with the link latency both ways', async () => {
    const net = new SimNetwork();
    net.attach('10.0.0.2', echo);
    net.setLinkLatency('10.0.0.1', '10.0.0.2', 25);
    const result = await net.exchange('10.0.0.1', '10.0.0.2', bytes(1, 2), 1000, 500);
    expect(result).toEqual({
      kind: 'reply',
      bytes: bytes(2, 3),
      sentAt: 1000,
      repliedAt: 1025,
      arrivedAt: 1050,
    });
  });

  it('uses per-host latency, then the default', () => {
    const net = new SimNetwork();
    net.setHostLatency('b', 40);
    expect(net.latency('a', 'b')).toBe(40);
    expect(net.latency('b', 'c')).toBe(40);
    expect(net.latency('a', 'c')).toBe(DEFAULT_LINK_LATENCY_MS);
    net.setLinkLatency('a', 'b', 3);
    expect(net.latency('b', 'a')).toBe(3);
    expect(() => net.setLinkLatency('a', 'b', -1)).toThrow(RangeError);
  });

  it('lets a handler take time before it replies', async () => {
    const net = new SimNetwork();
    net.setHostLatency('srv', 5);
    net.attach('srv', async (request, delivery) => ({
      bytes: request,
      sentAt: delivery.arrivedAt + 100,
    }));
    expect(await net.exchange('cli', 'srv', bytes(9), 0, 1000)).toMatchObject({
      repliedAt: 105,
      arrivedAt: 110,
    });
  });

  it('loses requests to a down or unknown host, or one that does not answer, and times out', async () => {
    const net = new SimNetwork();
    net.attach('quiet', () => undefined);
    net.attach('srv', echo);
    net.setFault('srv', { kind: 'down' });
    expect(await net.exchange('cli', 'srv', bytes(1), 0, 376)).toEqual({
      kind: 'lost',
      sentAt: 0,
      timeoutAt: 376,
      why: 'down',
    });
    expect(await net.exchange('cli', 'nobody', bytes(1), 0, 376)).toMatchObject({
      kind: 'lost',
      why: 'unreachable',
    });
    expect(await net.exchange('cli', 'quiet', bytes(1), 0, 376)).toMatchObject({
      kind: 'lost',
      why: 'no reply',
    });
    net.setFault('srv', undefined);
    expect(await net.exchange('cli', 'srv', bytes(1), 0, 376)).toMatchObject({ kind: 'reply' });
  });

  it('counts a reply that comes back after the timeout as lost', async () => {
    const net = new SimNetwork();
    net.attach('far', echo);
    net.setHostLatency('far', 200);
    expect(await net.exchange('cli', 'far', bytes(1), 0, 376)).toMatchObject({
      kind: 'lost',
      timeoutAt: 376,
      why: 'late',
    });
  });

  it('replaces a host’s answer with a fault responder', async () => {
    const net = new SimNetwork();
    net.attach('srv', echo);
    net.setFault('srv', { kind: 'respond', respond: () => bytes(0xff) });
    expect(await net.exchange('cli', 'srv', bytes(1), 0, 376)).toMatchObject({
      kind: 'reply',
      bytes: bytes(0xff),
    });
  });
});
