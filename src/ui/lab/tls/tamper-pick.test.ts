import { describe, expect, it } from 'vitest';
import type { MessageEvent } from '../../../engine/trace';
import { inspectorPick } from './tamper-pick';

const message = (name: string, from: string): MessageEvent => ({
  kind: 'message',
  t: 0,
  from,
  to: from === 'Client' ? 'Server' : 'Client',
  protocol: 'tls',
  name,
  bytes: new Uint8Array(100),
  spans: [],
  decoded: null,
  encrypted: false,
});

const target = (record: number, name: string, from: string) => ({
  record,
  from,
  message: name,
  bytes: new Uint8Array(60),
});

describe('inspectorPick', () => {
  const messages = [
    message('ClientHello', 'Client'),
    message('ServerHello', 'Server'),
    message('ChangeCipherSpec', 'Client'),
    message('ChangeCipherSpec', 'Server'),
  ];
  const targets = [
    target(0, 'ClientHello', 'Client'),
    target(1, 'ServerHello', 'Server'),
    target(6, 'ChangeCipherSpec', 'Client'),
    target(9, 'ChangeCipherSpec', 'Server'),
  ];

  it('maps the inspected message to the record of the same name and side', () => {
    expect(inspectorPick(messages, 3, { part: 'wire', offset: 5, length: 1 }, targets)).toEqual({
      record: 9,
      offset: 5,
      message: 'ChangeCipherSpec',
    });
  });

  it('picks nothing for a plaintext field, no field, or a byte past the record', () => {
    expect(inspectorPick(messages, 1, { part: 'plain', offset: 5, length: 1 }, targets)).toBe(
      undefined,
    );
    expect(inspectorPick(messages, 1, null, targets)).toBe(undefined);
    expect(inspectorPick(messages, 1, { part: 'wire', offset: 60, length: 4 }, targets)).toBe(
      undefined,
    );
  });
});
