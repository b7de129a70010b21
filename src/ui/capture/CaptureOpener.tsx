/**
 * "Open capture": a pcap or pcapng file, chosen or dropped, with an NSS key log beside it, drawn
 * like any run. A capture with several connections gets a picker. Reading it (./open-capture.ts and
 * the capture reader) is loaded only when a file comes, so the first load carries only the button.
 */
import { useId, useRef, useState, type DragEvent } from 'react';
import { useStrings } from '../hooks';
import type { Opened } from './open-capture';
import './capture.css';

const loadOpenCapture = () => import('./open-capture');

export function CaptureOpener() {
  const t = useStrings();
  const inputRef = useRef<HTMLInputElement>(null);
  const pickerId = useId();
  const hintId = useId();
  const [opened, setOpened] = useState<(Opened & { labels: string[] }) | null>(null);
  const [picked, setPicked] = useState(0);
  const [over, setOver] = useState(false);

  const open = async (files: File[]) => {
    if (files.length === 0) return;
    const { openCaptureFiles, showConnection, connectionLabel } = await loadOpenCapture();
    const read = await openCaptureFiles(files);
    if (read === undefined) return;
    setOpened(read && { ...read, labels: read.capture.connections.map(connectionLabel) });
    if (!read) return;
    setPicked(0);
    await showConnection(read.capture, read.fileName, 0);
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
              void loadOpenCapture().then((m) =>
                m.showConnection(opened.capture, opened.fileName, index),
              );
            }}
          >
            {opened.labels.map((label, i) => (
              <option key={i} value={i}>
                {label}
              </option>
            ))}
          </select>
        </label>
      )}
    </div>
  );
}
