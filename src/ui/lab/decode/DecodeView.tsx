/**
 * The Decode view: paste the hex of TLS records or of a DNS message (from Wireshark, say), and see
 * it in the same Fields and Bytes inspector as the diagram's messages. A decoding error names the
 * byte it stopped at and marks it in the hex dump; input over 64 KiB is refused with a message.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { MessageEvent } from '../../../engine/trace';
import type { FieldRef } from '../../../store/slices/selection';
import {
  selectDecodeInput,
  selectInspected,
  selectLabActions,
  selectView,
  useStore,
} from '../../../store/store';
import { errorText } from '../../error-text';
import { useStrings } from '../../hooks';
import { format, translate } from '../../i18n';
import { FieldDetails } from '../../inspector/FieldDetails';
import { FieldTree } from '../../inspector/FieldTree';
import { HexDump } from '../../inspector/HexDump';
import { Tabs } from '../../inspector/Tabs';
import { toHex } from '../../inspector/hex';
import {
  MAX_DECODE_BYTES,
  MAX_DECODE_CHARS,
  decodeHex,
  visibleChar,
  type DecodeMode,
  type DecodeResult,
  type Decoders,
} from './decode';
import '../lab.css';
import { messageTitle } from '../../i18n/message-title';

const MODES: readonly DecodeMode[] = ['auto', 'tls', 'dns'];

function useDecoders(): Decoders | undefined {
  const [decoders, setDecoders] = useState<Decoders | undefined>();
  useEffect(() => {
    let live = true;
    void Promise.all([
      import('../../../engine/tls/decode'),
      import('../../../engine/dns/codec'),
    ]).then(([tls, dns]) => {
      if (live) setDecoders({ tls: tls.decodeTlsRecords, dns: (b) => dns.decodeMessage(b) });
    });
    return () => {
      live = false;
    };
  }, []);
  return decoders;
}

function safeDecode(text: string, mode: DecodeMode, decoders: Decoders): DecodeResult | Error {
  try {
    return decodeHex(text, mode, decoders);
  } catch (e) {
    return e instanceof Error ? e : new Error(String(e));
  }
}

export function DecodeView() {
  const t = useStrings();
  const d = t.lab.decode;
  const text = useStore(selectDecodeInput);
  const { setDecodeInput } = useStore(useShallow(selectLabActions));
  const view = useStore(selectView);
  const inspected = useStore(selectInspected);
  const [mode, setMode] = useState<DecodeMode>('auto');
  const decoders = useDecoders();
  const ids = { input: useId(), hint: useId(), status: useId(), mode: useId() };
  const result = useMemo(
    () => (decoders ? safeDecode(text, mode, decoders) : undefined),
    [text, mode, decoders],
  );
  const diagramMessage = view?.messages[inspected];

  let status: { text: string; bad: boolean } | undefined;
  if (result instanceof Error)
    status = { text: format(d.failed, { reason: errorText(result.message) }), bad: true };
  else if (result)
    switch (result.kind) {
      case 'empty':
        status = { text: d.empty, bad: false };
        break;
      case 'too-long':
        status = {
          text: format(d.tooLong, {
            chars: result.chars.toLocaleString('en-US'),
            max: MAX_DECODE_CHARS.toLocaleString('en-US'),
          }),
          bad: true,
        };
        break;
      case 'too-large':
        status = {
          text: format(d.tooLarge, {
            bytes: result.bytes.toLocaleString('en-US'),
            max: MAX_DECODE_BYTES.toLocaleString('en-US'),
          }),
          bad: true,
        };
        break;
      case 'odd-digits':
        status = { text: format(d.oddDigits, { digits: result.digits }), bad: true };
        break;
      case 'bad-char':
        status = {
          text: format(d.badChar, { ...result, char: visibleChar(result.char) }),
          bad: true,
        };
        break;
      case 'error':
        status = {
          text: format(d.errorAt, {
            protocol: d.protocols[result.protocol],
            reason: errorText(
              result.problem
                ? translate(t.notes, result.problem.key, result.problem.params)
                : result.reason,
            ),
            offset: result.offset,
          }),
          bad: true,
        };
        break;
      case 'ok':
        status = {
          text: format(d.decoded, {
            protocol: d.protocols[result.protocol],
            count: result.bytes.length,
          }),
          bad: false,
        };
        break;
    }

  return (
    <main className="decode-workspace">
      <section className="decode-input" aria-labelledby={`${ids.input}-title`}>
        <h2 id={`${ids.input}-title`}>{d.title}</h2>
        <p className="hint" id={ids.hint}>
          {d.hint}
        </p>
        <label htmlFor={ids.input} className="decode-label">
          {d.inputLabel}
        </label>
        <textarea
          id={ids.input}
          className="decode-text"
          value={text}
          spellCheck={false}
          autoComplete="off"
          aria-describedby={`${ids.hint} ${ids.status}`}
          aria-invalid={status?.bad ?? false}
          onChange={(e) => setDecodeInput(e.target.value)}
        />
        <fieldset className="decode-mode">
          <legend>{d.modeLabel}</legend>
          {MODES.map((m) => (
            <label key={m}>
              <input
                type="radio"
                name={ids.mode}
                checked={mode === m}
                onChange={() => setMode(m)}
              />
              <span>{d.modes[m]}</span>
            </label>
          ))}
        </fieldset>
        <p
          id={ids.status}
          className={`decode-status ${status?.bad ? 'bad' : ''}`}
          role="status"
          aria-live="polite"
        >
          {status?.text ?? t.lab.loading}
        </p>
        <div className="decode-actions">
          {diagramMessage && (
            <button
              type="button"
              className="button small"
              onClick={() => setDecodeInput(toHex(diagramMessage.bytes, ' '))}
            >
              {format(d.fromDiagram, { name: messageTitle(t, diagramMessage) })}
            </button>
          )}
          {text !== '' && (
            <button type="button" className="button small ghost" onClick={() => setDecodeInput('')}>
              {d.clear}
            </button>
          )}
        </div>
      </section>
      <DecodedInspector result={result instanceof Error ? undefined : result} />
    </main>
  );
}

type Tab = 'fields' | 'bytes';

/** The decoded bytes in the inspector's Fields and Bytes views. */
function DecodedInspector({ result }: { result: DecodeResult | undefined }) {
  const t = useStrings();
  const d = t.lab.decode;
  const [chosenTab, setTab] = useState<Tab>('fields');
  // A selection belongs to the result it was made on; a new input starts with none.
  const [picked, setPicked] = useState<{ on: DecodeResult; field: FieldRef | null }>();
  const [hover, setHover] = useState<{ on: DecodeResult; field: FieldRef | null }>();

  const shown = result && (result.kind === 'ok' || result.kind === 'error') ? result : undefined;
  const selected = shown && picked?.on === shown ? picked.field : null;
  const hovered = shown && hover?.on === shown ? hover.field : null;
  const setSelected = (field: FieldRef | null) => shown && setPicked({ on: shown, field });
  const setHovered = (field: FieldRef | null) => shown && setHover({ on: shown, field });
  // Bytes that do not decode have no fields: the Bytes view marks where the decoder stopped.
  const tab: Tab = shown?.kind === 'error' ? 'bytes' : chosenTab;
  const errorAt: FieldRef | null =
    shown?.kind === 'error'
      ? {
          part: 'wire',
          offset: Math.min(shown.offset, Math.max(0, shown.bytes.length - 1)),
          length: 1,
        }
      : null;

  const message: MessageEvent | undefined = shown && {
    kind: 'message',
    t: 0,
    from: '',
    to: '',
    protocol: shown.protocol,
    name: shown.kind === 'ok' ? d.protocols[shown.protocol] : d.undecodable,
    bytes: shown.bytes,
    spans: shown.kind === 'ok' ? shown.spans : [],
    decoded: null,
    encrypted: false,
  };
  const tabs: { id: Tab; label: string }[] = [
    { id: 'fields', label: t.ui.tabFields },
    { id: 'bytes', label: t.ui.tabBytes },
  ];
  return (
    <aside className="inspector" aria-label={t.ui.inspector}>
      {!message ? (
        <p className="inspector-empty">{d.nothing}</p>
      ) : (
        <>
          <div className="inspector-head">
            <h2 className="inspector-title">
              <span className="inspector-name">{message.name}</span>
            </h2>
            <p className="inspector-meta">
              <span>{format(t.ui.sizeBytes, { count: message.bytes.length })}</span>
            </p>
          </div>
          <Tabs<Tab> tabs={tabs} active={tab} onChange={setTab} label={t.ui.inspectorTabs}>
            {tab === 'fields' &&
              (shown?.kind === 'ok' ? (
                <div className="fields-tab">
                  <FieldDetails message={message} field={selected} />
                  <FieldTree
                    spans={message.spans}
                    bytes={message.bytes}
                    part="wire"
                    selected={selected}
                    label={format(t.ui.fieldsLabel, { what: message.name })}
                    onHover={setHovered}
                    onSelect={setSelected}
                  />
                </div>
              ) : (
                <p className="muted">{d.noFields}</p>
              ))}
            {tab === 'bytes' && (
              <div className="bytes-tab">
                {shown?.kind === 'ok' ? (
                  <>
                    <p className="hint">{t.ui.hexHint}</p>
                    <FieldDetails message={message} field={hovered ?? selected} />
                  </>
                ) : (
                  <p className="decode-status bad">{d.errorMarked}</p>
                )}
                <HexDump
                  bytes={message.bytes}
                  spans={message.spans}
                  part="wire"
                  selected={selected ?? errorAt}
                  hovered={hovered}
                  label={format(t.ui.hexDumpLabel, { what: message.name })}
                  onHover={setHovered}
                  onSelect={setSelected}
                />
              </div>
            )}
          </Tabs>
        </>
      )}
    </aside>
  );
}
