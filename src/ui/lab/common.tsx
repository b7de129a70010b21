/**
 * Small pieces the lab's editors and outcome views share: labelled facts, a checkbox, a number
 * field, a hex line, and a button that shows a message on the diagram.
 */
import { useId, useState, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { AlertOutcome } from '../../engine/scenarios/lab';
import type { MessageEvent } from '../../engine/trace';
import type { InspectorTab } from '../../store/slices/selection';
import { selectSelectionActions, selectView, useStore } from '../../store/store';
import { useStrings } from '../hooks';
import { format, translate } from '../i18n';
import { toHex } from '../inspector/hex';
import { readWholeNumber } from './whole-number';

/** Label and value pairs, one per line. */
export function Facts({
  rows,
}: {
  rows: readonly (readonly [string, ReactNode] | false | null)[];
}) {
  return (
    <dl className="facts">
      {rows.map((row) =>
        row ? (
          <div key={row[0]}>
            <dt>{row[0]}</dt>
            <dd>{row[1]}</dd>
          </div>
        ) : null,
      )}
    </dl>
  );
}

export function Checkbox({
  label,
  checked,
  onChange,
  hint,
}: {
  label: string;
  checked: boolean;
  onChange(checked: boolean): void;
  hint?: string;
}) {
  const hintId = useId();
  return (
    <label className="lab-check">
      <input
        type="checkbox"
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
        {...(hint ? { 'aria-describedby': hintId } : {})}
      />
      <span>
        {label}
        {hint && (
          <span className="hint" id={hintId}>
            {hint}
          </span>
        )}
      </span>
    </label>
  );
}

/**
 * A whole-number field within `min`..`max`. Typed input outside the range (or not a whole number,
 * or nothing) is kept in the box with a message under it saying the range, and the settings keep
 * their last good value until it is fixed: never clamped or dropped without a word.
 */
export function NumberField({
  label,
  value,
  min,
  max,
  step,
  unit,
  onChange,
}: {
  label: string;
  value: number;
  min: number;
  max: number;
  step?: number;
  unit?: string;
  onChange(value: number): void;
}) {
  const t = useStrings();
  const id = useId();
  const errorId = useId();
  // What was typed, while it is not a valid value; tied to the value it was typed over, so a
  // change from elsewhere (a preset, the tamper picker) shows the new value instead.
  const [draft, setDraft] = useState<{ text: string; over: number } | null>(null);
  const typed = draft && draft.over === value ? draft.text : null;
  const error =
    typed === null
      ? undefined
      : format(t.lab.numberRange, {
          min: min.toLocaleString('en-US'),
          max: max.toLocaleString('en-US'),
        });
  return (
    <div className="lab-field">
      <label htmlFor={id}>{label}</label>
      <span className="with-unit">
        <input
          id={id}
          type="number"
          inputMode="numeric"
          value={typed ?? value}
          min={min}
          max={max}
          step={step ?? 1}
          aria-invalid={error !== undefined}
          {...(error ? { 'aria-describedby': errorId } : {})}
          onChange={(e) => {
            const n = readWholeNumber(e.target.value, { min, max });
            if (n === undefined) {
              setDraft({ text: e.target.value, over: value });
            } else {
              setDraft(null);
              onChange(n);
            }
          }}
        />
        {unit && <span className="unit">{unit}</span>}
      </span>
      {error && (
        <p className="field-error" id={errorId} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

export function SelectField<V extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: V;
  options: readonly (readonly [V, string])[];
  onChange(value: V): void;
}) {
  const id = useId();
  return (
    <div className="lab-field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value as V)}>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

export function TextField({
  label,
  value,
  onChange,
  mono,
}: {
  label: string;
  value: string;
  onChange(value: string): void;
  mono?: boolean;
}) {
  const id = useId();
  return (
    <div className="lab-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className={mono ? 'mono' : undefined}
        value={value}
        spellCheck={false}
        autoComplete="off"
        onChange={(e) => onChange(e.target.value)}
      />
    </div>
  );
}

/** Bytes as spaced hex that wraps. */
export function HexLine({ bytes }: { bytes: Uint8Array }) {
  return <code className="hexline">{toHex(bytes, ' ')}</code>;
}

/** "handshake_failure (40), sent by Server to Client: …" */
export function AlertText({ alert }: { alert: AlertOutcome }) {
  const t = useStrings();
  return (
    <span className="alert-text">
      {format(t.lab.alertSent, {
        description: alert.description,
        code: alert.code,
        by: alert.sentBy,
        to: alert.to,
      })}{' '}
      <span className="reason">{translate(t.notes, alert.reason, alert.params)}</span>
    </span>
  );
}

/**
 * A button that picks the `nth` message matching `find` on the diagram for the inspector, and
 * opens the inspector's `tab` if given.
 */
export function ShowOnDiagram({
  find,
  nth = 1,
  label,
  tab,
}: {
  find: (m: MessageEvent) => boolean;
  nth?: number;
  label: string;
  tab?: InspectorTab;
}) {
  const view = useStore(selectView);
  const { selectMessage, setTab } = useStore(useShallow(selectSelectionActions));
  let seen = 0;
  const step = view?.messages.findIndex((m) => find(m) && ++seen === nth) ?? -1;
  if (step < 0) return null;
  return (
    <button
      type="button"
      className="button small"
      onClick={() => {
        selectMessage(step);
        if (tab) setTab(tab);
      }}
    >
      {label}
    </button>
  );
}

/** A section of the outcome with its own heading. */
export function OutcomeSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="outcome-section">
      <h4>{title}</h4>
      {children}
    </section>
  );
}

/**
 * A box that scrolls sideways when its table is wider than the panel. It takes focus, so the
 * keyboard can scroll it too (WCAG 2.1.1), and is named after what it holds.
 */
export function ScrollBox({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="table-scroll" role="region" aria-label={label} tabIndex={0}>
      {children}
    </div>
  );
}
