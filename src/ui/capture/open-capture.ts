/**
 * Opening a capture: finding the pcap or pcapng among the files chosen or dropped, reading it with
 * its key log, and showing one of its connections like a run. Loaded with the first file that
 * comes (or by the prefetch), so the first load carries only the button (./CaptureOpener.tsx).
 */
import type { OpenedCapture } from '../../engine/capture';
import { useStore } from '../../store/store';
import { indexTrace } from '../../store/trace-view';
import { loadEnglishFor } from '../i18n';

export interface Opened {
  capture: OpenedCapture;
  fileName: string;
}

/** pcap (either byte order and resolution) and pcapng begin with one of these. */
const CAPTURE_MAGICS = ['a1b2c3d4', 'd4c3b2a1', 'a1b23c4d', '4d3cb2a1', '0a0d0d0a'];

async function isCapture(file: File): Promise<boolean> {
  const head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
  const hex = [...head].map((b) => b.toString(16).padStart(2, '0')).join('');
  return CAPTURE_MAGICS.includes(hex);
}

export function connectionLabel(c: OpenedCapture['connections'][number]): string {
  const what = c.kind === 'tls' ? (c.version ?? 'TLS') : `DNS/${c.transport.toUpperCase()}`;
  return `${what} ${c.client} → ${c.server}`;
}

/**
 * The capture among `files`, read: undefined when there is none to show (a notice says why and
 * what is shown stays), null for a capture with no connection in it.
 */
export async function openCaptureFiles(files: File[]): Promise<Opened | null | undefined> {
  const s = useStore.getState();
  let captureFile: File | undefined;
  const keyFiles: File[] = [];
  for (const f of files) {
    if (!captureFile && (await isCapture(f))) captureFile = f;
    else keyFiles.push(f);
  }
  // The reader and the words for what stops it come together.
  const [{ openCapture, MAX_CAPTURE_BYTES, CaptureFileError }, { captureProblemText }] =
    await Promise.all([import('../../engine/capture'), import('./problem-text')]);
  const fail = (name: string, problem: Parameters<typeof captureProblemText>[1]) =>
    s.showNotice({
      tone: 'error',
      message: 'importFailed',
      params: { file: name },
      reason: {
        message: 'importDamaged',
        params: { detail: captureProblemText(useStore.getState().language, problem) },
      },
    });
  if (!captureFile) {
    fail(files[0]!.name, { key: 'notCapture', params: {}, offset: 0 });
    return;
  }
  if (captureFile.size > MAX_CAPTURE_BYTES) {
    const mib = (n: number) => (n / 1024 / 1024).toFixed(1);
    s.showNotice({
      tone: 'error',
      message: 'importFailed',
      params: { file: captureFile.name },
      reason: {
        message: 'importTooLarge',
        params: { size: mib(captureFile.size), max: mib(MAX_CAPTURE_BYTES) },
      },
    });
    return;
  }
  const keyLog = (await Promise.all(keyFiles.map((f) => f.text()))).join('\n');
  let capture: OpenedCapture;
  try {
    capture = openCapture(new Uint8Array(await captureFile.arrayBuffer()), keyLog);
  } catch (e) {
    if (e instanceof CaptureFileError) {
      fail(captureFile.name, e);
      return;
    }
    throw e;
  }
  if (capture.connections.length === 0) {
    s.showNotice({
      tone: 'error',
      message: 'importFailed',
      params: { file: captureFile.name },
      reason: { message: 'captureEmpty', params: {} },
    });
    return null;
  }
  return { capture, fileName: captureFile.name };
}

export async function showConnection(
  capture: OpenedCapture,
  fileName: string,
  index: number,
): Promise<void> {
  const c = capture.connections[index]!;
  // A capture's alerts and faults read from the TLS part of the English table.
  await loadEnglishFor(c.trace, false).catch(() => undefined);
  const s = useStore.getState();
  s.loadTrace({
    scenarioId: s.scenarioId,
    settings: s.settings,
    view: indexTrace(c.trace),
    fileName,
    realLabel: connectionLabel(c),
    ...(capture.problem ? { stoppedAt: capture.problem.offset } : {}),
  });
}
