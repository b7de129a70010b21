/**
 * Why a capture file could not be read to its end, in each language the page speaks. The capture
 * reader gives a key and numbers (src/engine/capture/file.ts); this small table, kept beside the
 * opener and loaded with the reader, words them. The sentence around it ("Could not import FILE:
 * it is damaged (…)") is the UI table's.
 */
import type { CaptureProblemKey, CaptureProblemParams } from '../../engine/capture';
import type { Language } from '../../store/language';
import { format } from '../i18n';

type ProblemTable = Readonly<Record<CaptureProblemKey | 'atByte', string>>;

export const CAPTURE_PROBLEM_TEXT: Readonly<Record<Language, ProblemTable>> = {
  en: {
    tooLarge: 'the file is {size} bytes; captures up to {max} bytes (64 MiB) are read',
    tooShort: 'too short to be a capture file',
    notCapture: 'not a pcap or pcapng file (unknown magic number)',
    fileHeaderCut: 'the 24-byte file header is cut short',
    packetHeaderCut: 'a packet header is cut short',
    packetCut: 'packet {packet} claims {bytes} bytes but the file ends first',
    blockHeaderCut: 'a block header is cut short',
    byteOrder: 'a section header has an unknown byte-order magic',
    blockPastEnd: 'a block of {length} bytes runs past the end of the file',
    blockLength: 'a block has an invalid length {length}',
    unknownInterface: 'a packet names interface {interface}, never described',
    packetPastBlock: 'a packet is longer than its block',
    packetBeforeInterface: 'a packet comes before any interface',
    secretsPastBlock: 'the secrets are longer than their block',
    atByte: '{reason} at byte {offset}',
  },
  ko: {
    tooLarge: '파일이 {size}바이트입니다. 캡처는 {max}바이트(64 MiB)까지 읽습니다',
    tooShort: '캡처 파일이라기엔 너무 짧습니다',
    notCapture: 'pcap이나 pcapng 파일이 아닙니다(알 수 없는 매직 넘버)',
    fileHeaderCut: '24바이트 파일 헤더가 잘려 있습니다',
    packetHeaderCut: '패킷 헤더가 잘려 있습니다',
    packetCut: '{packet}번째 패킷은 {bytes}바이트라고 하는데 파일이 먼저 끝납니다',
    blockHeaderCut: '블록 헤더가 잘려 있습니다',
    byteOrder: '섹션 헤더의 바이트 순서 매직 값을 알 수 없습니다',
    blockPastEnd: '{length}바이트 블록이 파일 끝을 넘어갑니다',
    blockLength: '블록 길이가 올바르지 않습니다({length})',
    unknownInterface: '패킷이 설명된 적 없는 인터페이스 {interface}번을 가리킵니다',
    packetPastBlock: '패킷이 자기 블록보다 깁니다',
    packetBeforeInterface: '인터페이스 설명보다 패킷이 먼저 나옵니다',
    secretsPastBlock: '비밀 값이 자기 블록보다 깁니다',
    atByte: '{offset}번째 바이트에서: {reason}',
  },
};

/** Why reading stopped, and where, in `language`. */
export function captureProblemText(
  language: Language,
  problem: { key: CaptureProblemKey; params: CaptureProblemParams; offset: number },
): string {
  const table = CAPTURE_PROBLEM_TEXT[language];
  return format(table.atByte, {
    reason: format(table[problem.key], problem.params),
    offset: problem.offset,
  });
}
