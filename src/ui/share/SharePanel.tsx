/**
 * "Export and share", the popover: the run as a pcap and an NSS key log for Wireshark, the diagram as SVG and
 * PNG, the Trace as versioned JSON (and back), and a link to this exact message. Everything is
 * made in the page from the Trace; nothing is sent anywhere.
 */
import { useEffect, useId, useRef, useState, type ChangeEvent } from 'react';
import { MAX_TRACE_FILE_BYTES, checkTraceFileSize } from '../../engine/limits';
import { useStore, type Store } from '../../store/store';
import { useStrings } from '../hooks';
import { format, loadEnglishFor, type Strings } from '../i18n';
import { indexTrace } from '../../store/trace-view';
import type { DiagramImageText } from './diagram-image';
import { baseFileName, downloadBlob, downloadBytes, downloadText } from './download';
import type { Notice } from '../../store/slices/share';
import { linkOmitsParams, MAX_LINK_CHARS } from './link';
import type { TraceFileProblem } from '../../engine/scenarios/trace-json';

const selectShared = (s: Store) => s.view;
const selectShown = (s: Store) => s.scenarioId;
const selectSeed = (s: Store) => s.settings.seed;
const selectCursor = (s: Store) => s.cursor;

export function diagramText(t: Strings, s: Store): DiagramImageText {
  const title = t.scenarios[s.scenarioId]?.title ?? s.scenarioId;
  return {
    title: format(t.ui.diagramExportTitle, { title, seed: s.settings.seed }),
    legendTitle: t.ui.legend,
    legend: [
      { kind: 'plain', label: t.ui.legendPlain },
      { kind: 'encrypted', label: t.ui.legendEncrypted },
      { kind: 'warning', label: t.ui.legendWarning },
      { kind: 'fatal', label: t.ui.legendFatal },
      { kind: 'cache', label: t.ui.legendCache },
      { kind: 'state', label: t.ui.legendState },
    ],
  };
}

/** Why an import failed, as a key of the language tables, so the notice follows the language. */
function problemReason(
  problem: TraceFileProblem,
  supported: number,
): NonNullable<Notice['reason']> {
  switch (problem.kind) {
    case 'notJson':
      return { message: 'importNotJson', params: {} };
    case 'wrongFormat':
      return { message: 'importWrongFormat', params: {} };
    case 'wrongVersion':
      return {
        message: 'importWrongVersion',
        params: { version: problem.version, supported },
      };
    case 'damaged':
      return { message: 'importDamaged', params: { detail: problem.detail } };
  }
}

/** The open "Export and share" popover; HeaderTools holds the button and whether it is open. */
export function SharePanel({ panelId, onClose }: { panelId: string; onClose: () => void }) {
  const t = useStrings();
  const view = useStore(selectShared);
  const scenarioId = useStore(selectShown);
  const seed = useStore(selectSeed);
  const cursor = useStore(selectCursor);
  const [status, setStatus] = useState('');
  const [hasKeys, setHasKeys] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);
  const linkId = useId();
  const base = baseFileName(scenarioId, seed);
  // The address bar follows the message shown (link-sync.ts updates it before React renders,
  // and this component renders again when the cursor moves), so it is the link to share.
  const href = cursor >= 0 ? window.location.href : '';

  useEffect(() => {
    let live = true;
    if (!view) return;
    void import('../../engine/tls/keylog').then(({ traceKeyLog }) => {
      if (live) setHasKeys(traceKeyLog(view.trace) !== '');
    });
    return () => {
      live = false;
    };
  }, [view]);

  const run = async (what: string, job: () => Promise<void>) => {
    setStatus(format(t.ui.exportBusy, { what }));
    try {
      await job();
      setStatus('');
    } catch (e) {
      setStatus(
        format(t.ui.exportFailed, { what, reason: e instanceof Error ? e.message : String(e) }),
      );
    }
  };

  const pcap = () =>
    run(t.ui.downloadPcap, async () => {
      if (!view) return;
      const { traceToPcap } = await import('../../engine/export/trace-pcap');
      downloadBytes(
        `${base}.pcap`,
        traceToPcap(view.trace, seed).file,
        'application/vnd.tcpdump.pcap',
      );
    });
  const keyLog = () =>
    run(t.ui.downloadKeylog, async () => {
      if (!view) return;
      const { traceKeyLog } = await import('../../engine/tls/keylog');
      downloadText(`${base}.keys`, traceKeyLog(view.trace), 'text/plain');
    });
  const svg = () =>
    run(t.ui.downloadSvg, async () => {
      const { buildDiagramSvg } = await import('./diagram-image');
      const image = buildDiagramSvg(diagramText(t, useStore.getState()));
      downloadText(`${base}.svg`, image.svg, 'image/svg+xml');
    });
  const png = () =>
    run(t.ui.downloadPng, async () => {
      const { buildDiagramSvg, svgToPng } = await import('./diagram-image');
      const image = buildDiagramSvg(diagramText(t, useStore.getState()));
      downloadBlob(`${base}.png`, await svgToPng(image));
    });
  const exportJson = () =>
    run(t.ui.exportTrace, async () => {
      const s = useStore.getState();
      if (!s.view) return;
      const { traceToJson } = await import('../../engine/scenarios/trace-json');
      const json = traceToJson({
        scenarioId: s.scenarioId,
        settings: s.settings,
        trace: s.view.trace,
        phases: s.view.phases,
      });
      downloadText(`${base}.trace.json`, json, 'application/json');
    });

  const importJson = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    const s = useStore.getState();
    const fail = (reason: NonNullable<Notice['reason']>) =>
      s.showNotice({ tone: 'error', message: 'importFailed', params: { file: file.name }, reason });
    if (!checkTraceFileSize(file.size).ok) {
      const mib = (n: number) => (n / 1024 / 1024).toFixed(1);
      fail({
        message: 'importTooLarge',
        params: { size: mib(file.size), max: mib(MAX_TRACE_FILE_BYTES) },
      });
      return;
    }
    const { parseTraceJson, TRACE_VERSION } = await import('../../engine/scenarios/trace-json');
    const text = await file.text();
    const result = parseTraceJson(text);
    // Not a trace, but perhaps a `tls probe --json` report: it opens as the negotiation report.
    if (!result.ok && result.problem.kind === 'wrongFormat') {
      const { looksLikeProbe, parseProbeJson } = await import('../../engine/scenarios/probe-json');
      const raw: unknown = JSON.parse(text);
      if (looksLikeProbe(raw)) {
        const probe = parseProbeJson(raw);
        if (!probe.ok) {
          fail(problemReason({ kind: 'damaged', detail: probe.detail }, TRACE_VERSION));
          return;
        }
        s.showProbeReport(probe.report, file.name);
        onClose();
        return;
      }
    }
    if (!result.ok) {
      fail(problemReason(result.problem, TRACE_VERSION));
      return;
    }
    const { scenarioId: id, settings, trace, phases, source } = result.file;
    let imported;
    try {
      imported = indexTrace(trace, phases);
    } catch (err) {
      fail(problemReason({ kind: 'damaged', detail: String(err) }, TRACE_VERSION));
      return;
    }
    // An imported run's alerts and faults read from the TLS part of the English table.
    await loadEnglishFor(trace, false).catch(() => undefined);
    s.loadTrace({
      scenarioId: id,
      settings,
      view: imported,
      fileName: file.name,
      ...(source ? { realLabel: source.label } : {}),
    });
    onClose();
  };

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(href);
      setStatus(t.ui.linkCopied);
    } catch {
      // Clipboard access can be refused; the link is selected so Ctrl+C copies it.
      const input = document.getElementById(linkId) as HTMLInputElement | null;
      input?.select();
    }
  };

  const disabled = !view;
  return (
    // Escape and a press outside close it: the disclosure around it (src/ui/disclosure.ts).
    <div className="popover share-popover" id={panelId}>
      <div className="share-row">
        <button type="button" className="button" disabled={disabled} onClick={pcap}>
          {t.ui.downloadPcap}
        </button>
        <button type="button" className="button" disabled={disabled || !hasKeys} onClick={keyLog}>
          {t.ui.downloadKeylog}
        </button>
      </div>
      <p className="hint">{hasKeys ? t.ui.pcapHelp : t.ui.noKeys}</p>
      <div className="share-row">
        <button type="button" className="button" disabled={disabled} onClick={svg}>
          {t.ui.downloadSvg}
        </button>
        <button type="button" className="button" disabled={disabled} onClick={png}>
          {t.ui.downloadPng}
        </button>
      </div>
      <div className="share-row">
        <button type="button" className="button" disabled={disabled} onClick={exportJson}>
          {t.ui.exportTrace}
        </button>
        <button type="button" className="button" onClick={() => fileRef.current?.click()}>
          {t.ui.importTrace}
        </button>
        <input
          ref={fileRef}
          type="file"
          accept="application/json,.json"
          className="visually-hidden"
          tabIndex={-1}
          aria-hidden="true"
          onChange={(e) => void importJson(e)}
        />
      </div>
      <label className="field share-link" htmlFor={linkId}>
        <span>{t.ui.linkLabel}</span>
        <input id={linkId} readOnly value={href} onFocus={(e) => e.target.select()} />
      </label>
      {href && linkOmitsParams(new URL(href).search) && (
        <p className="hint">{format(t.ui.linkOmitsEdits, { max: MAX_LINK_CHARS })}</p>
      )}
      <button type="button" className="button" onClick={() => void copy()}>
        {t.ui.copyLink}
      </button>
      <p className="share-status" role="status">
        {status}
      </p>
    </div>
  );
}
