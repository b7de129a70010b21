/**
 * The words for why a capture stopped: every key the reader gives has a text in each language,
 * with the same placeholders, and the English table says what the CLI says.
 */
import { describe, expect, it } from 'vitest';
import {
  CAPTURE_PROBLEM_ENGLISH,
  CaptureFileError,
  readCaptureFile,
  type CaptureProblemKey,
} from '../../engine/capture';
import { LANGUAGE_CODES } from '../../store/language';
import { CAPTURE_PROBLEM_TEXT, captureProblemText } from './problem-text';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)/g)].map((m) => m[1]).sort();
const keys = Object.keys(CAPTURE_PROBLEM_ENGLISH) as CaptureProblemKey[];

describe('capture problem texts', () => {
  it('has every key in every language, with the same placeholders', () => {
    for (const language of LANGUAGE_CODES) {
      const table = CAPTURE_PROBLEM_TEXT[language];
      expect(Object.keys(table).sort()).toEqual([...keys, 'atByte'].sort());
      for (const key of [...keys, 'atByte'] as const)
        expect(placeholders(table[key])).toEqual(placeholders(CAPTURE_PROBLEM_TEXT.en[key]));
    }
    for (const key of keys) expect(CAPTURE_PROBLEM_TEXT.ko[key]).toMatch(/[가-힣]/);
  });

  it('words a file cut inside its first packet in English as the CLI does, and in Korean', () => {
    // A little-endian microsecond pcap header (Ethernet), then a packet header claiming 100
    // bytes and only 10 of them.
    const file = new Uint8Array(24 + 16 + 10);
    const view = new DataView(file.buffer);
    view.setUint32(0, 0xa1b2c3d4, true);
    view.setUint16(4, 2, true);
    view.setUint16(6, 4, true);
    view.setUint32(16, 65535, true);
    view.setUint32(20, 1, true);
    view.setUint32(24 + 8, 100, true);
    view.setUint32(24 + 12, 100, true);
    const { problem } = readCaptureFile(file);
    expect(problem).toMatchObject({
      offset: 24,
      key: 'packetCut',
      params: { packet: 1, bytes: 100 },
    });
    expect(captureProblemText('en', problem!)).toBe(`${problem!.reason} at byte 24`);
    expect(captureProblemText('en', problem!)).toBe(
      'packet 1 claims 100 bytes but the file ends first at byte 24',
    );
    expect(captureProblemText('ko', problem!)).toBe(
      '24번째 바이트에서: 1번째 패킷은 100바이트라고 하는데 파일이 먼저 끝납니다',
    );
  });

  it('words a file that is no capture at all', () => {
    let error: unknown;
    try {
      readCaptureFile(new TextEncoder().encode('hello world'));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CaptureFileError);
    const e = error as CaptureFileError;
    expect(e.message).toBe('not a pcap or pcapng file (unknown magic number) at byte 0');
    expect(captureProblemText('en', e)).toBe(e.message);
    expect(captureProblemText('ko', e)).toBe(
      '0번째 바이트에서: pcap이나 pcapng 파일이 아닙니다(알 수 없는 매직 넘버)',
    );
  });
});
