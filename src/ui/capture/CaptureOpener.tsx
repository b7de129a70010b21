/**
 * "Open capture": a pcap or pcapng file, chosen or dropped, with an NSS key log beside it, drawn
 * like any run. A capture with several connections gets a picker. The capture reader is loaded
 * only when a file comes, so the first load of the page does not carry it.
 */
import { useId, useRef, useState, type DragEvent } from 'react';
import type { OpenedCapture } from '../../engine/capture';
import { useStore } from '../../store/store';
import { indexTrace } from '../../store/trace-view';
import { useStrings } from '../hooks';
import { loadEnglishFor } from '../i18n';
import './capture.css';

/** pcap (either byte order and resolution) and pcapng begin with one of these. */
const CAPTURE_MAGICS = ['a1b2c3d4', 'd4c3b2a1', 'a1b23c4d', '4d3cb2a1', '0a0d0d0a'];

async function isCapture(file: File): Promise<boolean> {
  const head = new Uint8Array(await file.slice(0, 4).arrayBuffer());
  const hex = [...head].map((b) => b.toString(16).padStart(2, '0')).join('');
  return CAPTURE_MAGICS.includes(hex);
}

function label(c: OpenedCapture['connections'][number]): string {
  const what = c.kind === 'tls' ? (c.version ?? 'TLS') : `DNS/${c.transport.toUpperCase()}`;
  return `${what} ${c.client} → ${c.server}`;
}

export function CaptureOpener() {
  const t = useStrings();
  const inputRef = useRef<HTMLInputElement>(null);
  const pickerId = useId();
  const hintId = useId();
  const [opened, setOpened] = useState<{ capture: OpenedCapture; fileName: string } | null>(null);
  const [picked, setPicked] = useState(0);
  const [over, setOver] = useState(false);

  const show = async (capture: OpenedCapture, fileName: string, index: number) => {
    const c = capture.connections[index]!;
    // A capture's alerts and faults read from the TLS part of the English table.
    await loadEnglishFor(c.trace, false).catch(() => undefined);
    const s = useStore.getState();
    s.loadTrace({
      scenarioId: s.scenarioId,
      settings: s.settings,
      view: indexTrace(c.trace),
      fileName,
      realLabel: label(c),
      ...(capture.problem ? { stoppedAt: capture.problem.offset } : {}),
    });
  };

  const open = async (files: File[]) => {
    if (files.length === 0) return;
    const s = useStore.getState();
    let captureFile: File | undefined;
    const keyFiles: File[] = [];
    for (const f of files) {
      if (!captureFile && (await isCapture(f))) captureFile = f;
      else keyFiles.push(f);
    }
    const fail = (name: string, detail: string) =>
      s.showNotice({
        tone: 'error',
        message: 'importFailed',
        params: { file: name },
        reason: { message: 'importDamaged', params: { detail } },
      });
    if (!captureFile) {
      fail(files[0]!.name, 'not a pcap or pcapng file');
      return;
    }
    const { openCapture, MAX_CAPTURE_BYTES, CaptureFileError } =
      await import('../../engine/capture');
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
        fail(captureFile.name, e.message);
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
      setOpened(null);
      return;
    }
    setOpened({ capture, fileName: captureFile.name });
    setPicked(0);
    await show(capture, captureFile.name, 0);
  };

  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    void open([...e.dataTransfer.files]);
  };

  return (
    <div
      className={`capture-opener${over ? ' drop-over' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <button
        type="button"
        className="button ghost"
        aria-describedby={hintId}
        onClick={() => inputRef.current?.click()}
      >
        {t.ui.openCapture}
      </button>
      <span id={hintId} className="visually-hidden">
        {t.ui.openCaptureHint}
      </span>
      <input
        ref={inputRef}
        type="file"
        multiple
        accept=".pcap,.pcapng,.cap,.log,.txt,.keys,application/vnd.tcpdump.pcap"
        className="visually-hidden"
        tabIndex={-1}
        aria-hidden="true"
        data-testid="capture-input"
        onChange={(e) => {
          const files = [...(e.target.files ?? [])];
          e.target.value = '';
          void open(files);
        }}
      />
      {opened && opened.capture.connections.length > 1 && (
        <label className="field capture-picker" htmlFor={pickerId}>
          <span className="visually-hidden">{t.ui.captureConnection}</span>
          <select
            id={pickerId}
            value={picked}
            onChange={(e) => {
              const index = Number(e.target.value);
              setPicked(index);
              void show(opened.capture, opened.fileName, index);
            }}
          >
            {opened.capture.connections.map((c, i) => (
              <option key={i} value={i}>
                {label(c)}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}
