/**
 * Tamper: pick a record of the handshake and a byte of it, from the picker's hex dump or from the
 * inspector's Bytes tab, and how to change it. The outcome says which field the byte was in, who
 * noticed, on which message, and with which alert.
 */
import { useEffect, useState, type MouseEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { TamperOutcome, TamperSettings, TamperTarget } from '../../../engine/scenarios/lab';
import type { FieldRef } from '../../../store/slices/selection';
import {
  selectInspected,
  selectSelectedField,
  selectSelectionActions,
  selectView,
  useStore,
} from '../../../store/store';
import { useStrings } from '../../hooks';
import { format } from '../../i18n';
import { hexByte } from '../../inspector/hex';
import { HexDump } from '../../inspector/HexDump';
import { spanPath } from '../../model/message';
import { AlertText, Checkbox, Facts, NumberField, SelectField } from '../common';
import type { EditorProps, LabParts, OutcomeProps } from '../types';
import { useLabModules } from '../useLab';
import { inspectorPick } from './tamper-pick';

const MASKS = ['1', '128', '255'] as const;

/** Every record of an untouched run with this seed, once computed. */
function useTargets(seed: string): TamperTarget[] | undefined {
  const mods = useLabModules();
  const [state, setState] = useState<{ seed: string; targets: TamperTarget[] } | undefined>();
  useEffect(() => {
    if (!mods) return;
    let live = true;
    void mods.tls.tamperTargets(seed).then((targets) => live && setState({ seed, targets }));
    return () => {
      live = false;
    };
  }, [mods, seed]);
  return state?.seed === seed ? state.targets : undefined;
}

function fieldName(target: TamperTarget, offset: number): string {
  return spanPath(target.spans, offset)
    .map((s) => s.name)
    .join(' › ');
}

function TamperEditor({ params, change, seed }: EditorProps<TamperSettings>) {
  const t = useStrings();
  const tt = t.lab.tamper;
  const targets = useTargets(seed);
  const [hovered, setHovered] = useState<FieldRef | null>(null);
  const view = useStore(selectView);
  const inspected = useStore(selectInspected);
  const selectedField = useStore(selectSelectedField);

  if (!targets) return <p className="muted">{t.lab.loading}</p>;
  const target = targets[params.record];
  const offset = target ? Math.min(params.offset, target.bytes.length - 1) : params.offset;
  const pick = (record: number, at: number) => change({ ...params, record, offset: at });
  const fromInspector = inspectorPick(view?.messages ?? [], inspected, selectedField, targets);

  // The hex dump selects whole fields; the lab wants the very byte that was clicked.
  const onBytesClick = (e: MouseEvent) => {
    const at = Number((e.target as HTMLElement).dataset?.['o']);
    if (Number.isInteger(at)) pick(params.record, at);
  };

  const before = target?.bytes[offset];
  return (
    <div className="lab-form tamper-editor">
      <SelectField
        label={tt.record}
        value={String(params.record)}
        options={targets.map(
          (x) =>
            [
              String(x.record),
              format(tt.recordOption, { n: x.record, message: x.message, from: x.from }),
            ] as const,
        )}
        onChange={(v) => pick(Number(v), 0)}
      />
      {target && (
        <>
          <NumberField
            label={tt.offset}
            value={offset}
            min={0}
            max={target.bytes.length - 1}
            onChange={(at) => pick(params.record, at)}
          />
          <p className="hint">{tt.pickHint}</p>
          <div
            className="tamper-bytes"
            role="region"
            aria-label={target.message}
            tabIndex={0}
            onClick={onBytesClick}
          >
            <HexDump
              bytes={target.bytes}
              spans={target.spans}
              part="wire"
              selected={{ part: 'wire', offset, length: 1 }}
              hovered={hovered}
              label={format(t.ui.hexDumpLabel, { what: target.message })}
              onHover={setHovered}
              onSelect={() => undefined}
            />
          </div>
        </>
      )}
      {fromInspector && (
        <button
          type="button"
          className="button small"
          onClick={() => pick(fromInspector.record, fromInspector.offset)}
        >
          {format(tt.useInspector, {
            message: fromInspector.message,
            offset: fromInspector.offset,
          })}
        </button>
      )}
      <SelectField
        label={tt.change}
        value={String(params.mask) as (typeof MASKS)[number]}
        options={MASKS.map((m) => [m, tt.masks[m]] as const)}
        onChange={(m) => change({ ...params, mask: Number(m) })}
      />
      <Checkbox
        label={tt.ems}
        checked={params.extendedMasterSecret}
        onChange={(extendedMasterSecret) => change({ ...params, extendedMasterSecret })}
      />
      {target && before !== undefined && (
        <p className="tamper-preview" aria-live="polite">
          {format(tt.preview, {
            offset,
            message: target.message,
            field: fieldName(target, offset) || tt.noField,
            before: hexByte(before),
            after: hexByte(before ^ params.mask),
          })}
        </p>
      )}
    </div>
  );
}

function TamperOutcomeView({ outcome }: OutcomeProps<TamperOutcome>) {
  const t = useStrings();
  const tt = t.lab.tamper;
  const o = outcome;
  const view = useStore(selectView);
  const { selectMessage } = useStore(useShallow(selectSelectionActions));
  const caughtStep = o.caught
    ? (() => {
        const exact = view?.messages[o.caught.record];
        if (exact?.name === o.caught.exposedBy) return o.caught.record;
        return view?.messages.findIndex((m) => m.name === o.caught!.exposedBy) ?? -1;
      })()
    : -1;
  return (
    <>
      {o.caught ? (
        <p className="verdict good">
          {format(tt.caught, { by: o.caught.by, message: o.caught.exposedBy })}
        </p>
      ) : o.ok ? (
        <p className="verdict bad">{tt.unnoticed}</p>
      ) : (
        <p className="verdict neutral">{tt.stalled}</p>
      )}
      <Facts
        rows={[
          o.tampered
            ? [
                tt.changed,
                format(tt.changedByte, {
                  offset: o.tampered.offset,
                  message: o.tampered.message,
                  from: o.tampered.from,
                  field: o.tampered.field || tt.noField,
                  before: hexByte(o.tampered.before),
                  after: hexByte(o.tampered.after),
                }),
              ]
            : [tt.changed, tt.notSent],
          !!o.caught?.alert && [t.lab.alert, <AlertText key="a" alert={o.caught.alert} />],
          ...(o.stalled ?? []).map(
            (s) => [format(tt.waiting, { lane: s.lane }), s.waitingIn] as const,
          ),
          !!o.httpStatus && [tt.response, o.httpStatus],
        ]}
      />
      <div className="outcome-actions">
        {o.tampered && (
          <button
            type="button"
            className="button small"
            onClick={() => {
              const i = view?.messages.findIndex(
                (m) => m.name === o.tampered!.message && m.from === o.tampered!.from,
              );
              if (i !== undefined && i >= 0) selectMessage(i);
            }}
          >
            {tt.showTampered}
          </button>
        )}
        {caughtStep >= 0 && (
          <button type="button" className="button small" onClick={() => selectMessage(caughtStep)}>
            {tt.showCaught}
          </button>
        )}
      </div>
    </>
  );
}

export const tamperParts: LabParts<TamperSettings, TamperOutcome> = {
  Editor: TamperEditor,
  Outcome: TamperOutcomeView,
};
