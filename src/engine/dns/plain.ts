/**
 * Plain-data views of messages (strings, numbers, arrays): the `decoded` value of a trace
 * `message` event, and a stable shape to compare in tests.
 */
import { toHex } from '../bytes';
import { formatRData, formatRecord } from './present';
import {
  className,
  opcodeName,
  rcodeName,
  typeName,
  type Message,
  type Question,
  type ResourceRecord,
} from './types';

export interface PlainRecord {
  name: string;
  type: string;
  class: string;
  ttl: number;
  data: string;
  text: string;
}

export interface PlainMessage {
  id: number;
  flags: {
    qr: boolean;
    opcode: string;
    aa: boolean;
    tc: boolean;
    rd: boolean;
    ra: boolean;
    z: boolean;
    ad: boolean;
    cd: boolean;
  };
  rcode: string;
  questions: { name: string; type: string; class: string }[];
  answers: PlainRecord[];
  authority: PlainRecord[];
  additional: PlainRecord[];
  edns?: {
    udpPayloadSize: number;
    version: number;
    dnssecOk: boolean;
    zFlags: number;
    options: { code: number; data: string }[];
  };
}

export function plainRecord(rr: ResourceRecord): PlainRecord {
  return {
    name: rr.name.toString(),
    type: typeName(rr.type),
    class: className(rr.class),
    ttl: rr.ttl,
    data: formatRData(rr.data),
    text: formatRecord(rr),
  };
}

function plainQuestion(q: Question) {
  return { name: q.name.toString(), type: typeName(q.type), class: className(q.class) };
}

export function plainMessage(m: Message): PlainMessage {
  const h = m.header;
  const plain: PlainMessage = {
    id: h.id,
    flags: {
      qr: h.qr,
      opcode: opcodeName(h.opcode),
      aa: h.aa,
      tc: h.tc,
      rd: h.rd,
      ra: h.ra,
      z: h.z,
      ad: h.ad,
      cd: h.cd,
    },
    rcode: rcodeName(h.rcode),
    questions: m.questions.map(plainQuestion),
    answers: m.answers.map(plainRecord),
    authority: m.authority.map(plainRecord),
    additional: m.additional.map(plainRecord),
  };
  if (m.edns) {
    plain.edns = {
      udpPayloadSize: m.edns.udpPayloadSize,
      version: m.edns.version,
      dnssecOk: m.edns.dnssecOk,
      zFlags: m.edns.zFlags,
      options: m.edns.options.map((o) => ({ code: o.code, data: toHex(o.data) })),
    };
  }
  return plain;
}
