/**
 * The zone editor: a zone of the demo universe in master-file format, with line numbers, checked
 * as it is typed (a mistake names its line), and the lookups to run against the edited zone. The
 * scenario reruns when typing pauses, so the lookups use the edited zone at once.
 */
import { useId, useMemo, useRef, type RefObject } from 'react';
import { DNS_QUERY_TYPES } from '../../../engine/scenarios/catalog';
import type {
  LookupStep,
  ZoneEditError,
  ZoneEditOutcome,
  ZoneEditSettings,
} from '../../../engine/scenarios/lab/dns';
import { MAX_ZONE_EDIT_LOOKUPS, MAX_ZONE_LINES } from '../../../engine/limits';
import { errorText } from '../../error-text';
import { useStrings } from '../../hooks';
import { format, translate, type Strings } from '../../i18n';
import { SelectField, TextField } from '../common';
import type { EditorProps, LabParts, OutcomeProps } from '../types';
import { useLabModules } from '../useLab';
import { LookupTable } from './LookupTable';

/** The textarea's line height: 12px text at 1.5 (lab.css, .zone-text). */
const LINE_HEIGHT_PX = 18;

/** Selects line `line` (1-based) of the textarea and scrolls it into the middle. */
function selectLine(el: HTMLTextAreaElement, line: number): void {
  const lines = el.value.split('\n');
  const start = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0);
  el.focus();
  el.setSelectionRange(start, start + (lines[line - 1]?.length ?? 0));
  el.scrollTop = Math.max(0, (line - 1) * LINE_HEIGHT_PX - el.clientHeight / 2);
}

/** Lines in `text`, counting stops one past the cap. */
function countLines(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i >= 0 && n <= MAX_ZONE_LINES; i = text.indexOf('\n', i + 1))
    n++;
  return n;
}

/** The master file with a line-number gutter that scrolls with it; the bad line is marked. */
function ZoneText({
  text,
  errorLine,
  errorId,
  onChange,
  textareaRef,
}: {
  text: string;
  errorLine: number | null;
  errorId: string;
  onChange(text: string): void;
  textareaRef: RefObject<HTMLTextAreaElement | null>;
}) {
  const t = useStrings();
  const gutter = useRef<HTMLDivElement>(null);
  // Numbered only as far as a zone file may go: pasted text past MAX_ZONE_LINES is refused with
  // its line anyway, and a million numbers would stall the page while it is said.
  const lines = Math.min(countLines(text), MAX_ZONE_LINES + 1);
  return (
    <div className="zone-text">
      <div className="zone-gutter" ref={gutter} aria-hidden="true">
        {Array.from({ length: lines }, (_, i) => (
          <span key={i} className={i + 1 === errorLine ? 'bad' : undefined}>
            {i + 1}
          </span>
        ))}
      </div>
      <textarea
        ref={textareaRef}
        value={text}
        spellCheck={false}
        autoComplete="off"
        wrap="off"
        aria-label={t.lab.zone.text}
        aria-invalid={errorLine !== null}
        aria-describedby={errorId}
        onChange={(e) => onChange(e.target.value)}
        onScroll={(e) => {
          if (gutter.current) gutter.current.scrollTop = e.currentTarget.scrollTop;
        }}
      />
    </div>
  );
}

function ZoneEditor({ params, change }: EditorProps<ZoneEditSettings>) {
  const t = useStrings();
  const z = t.lab.zone;
  const mods = useLabModules();
  const errorId = useId();
  const textarea = useRef<HTMLTextAreaElement>(null);
  const zones = useMemo(() => mods?.dns.editableZones(), [mods]);
  const check = useMemo(
    () => mods?.dns.applyZoneEdit(params.zone, params.text),
    [mods, params.zone, params.text],
  );
  if (!zones || !check) return <p className="muted">{t.lab.loading}</p>;
  const error = check.ok ? null : check.error;
  const setLookup = (i: number, step: LookupStep, when: 'now' | 'typing') =>
    change({ ...params, lookups: params.lookups.map((s, j) => (j === i ? step : s)) }, when);
  return (
    <div className="lab-form zone-editor">
      <SelectField
        label={z.zone}
        value={params.zone}
        options={zones.map((x) => [x.origin, x.origin] as const)}
        onChange={(zone) =>
          change({ ...params, zone, text: zones.find((x) => x.origin === zone)?.text ?? '' })
        }
      />
      <ZoneText
        text={params.text}
        errorLine={error?.line ?? null}
        errorId={errorId}
        textareaRef={textarea}
        onChange={(text) => change({ ...params, text }, 'typing')}
      />
      <p id={errorId} className={error ? 'zone-error' : 'zone-ok'} aria-live="polite">
        {error ? errorText(zoneErrorText(t, error)) : z.parses}
      </p>
      {error?.line != null && (
        <button
          type="button"
          className="button small"
          onClick={() => textarea.current && selectLine(textarea.current, error.line!)}
        >
          {format(z.showLine, { line: error.line })}
        </button>
      )}
      <button
        type="button"
        className="button small"
        onClick={() =>
          change({
            ...params,
            text: zones.find((x) => x.origin === params.zone)?.text ?? params.text,
          })
        }
      >
        {z.reset}
      </button>
      <fieldset className="zone-lookups">
        <legend>{z.lookups}</legend>
        {params.lookups.map((step, i) => (
          <div key={i} className="lookup-row">
            <TextField
              label={format(z.lookupName, { n: i + 1 })}
              value={step.name}
              onChange={(name) => setLookup(i, { ...step, name }, 'typing')}
            />
            <SelectField
              label={t.lab.dns.type}
              value={(step.type ?? 'A') as (typeof DNS_QUERY_TYPES)[number]}
              options={DNS_QUERY_TYPES.map((x) => [x, x] as const)}
              onChange={(type) => setLookup(i, { ...step, type }, 'now')}
            />
            {params.lookups.length > 1 && (
              <button
                type="button"
                className="button small"
                onClick={() =>
                  change({ ...params, lookups: params.lookups.filter((_, j) => j !== i) })
                }
              >
                {format(t.lab.dns.removeLookup, { n: i + 1 })}
              </button>
            )}
          </div>
        ))}
        {params.lookups.length >= MAX_ZONE_EDIT_LOOKUPS && (
          <p className="hint">{format(t.lab.dns.lookupsFull, { max: MAX_ZONE_EDIT_LOOKUPS })}</p>
        )}
        {params.lookups.length < MAX_ZONE_EDIT_LOOKUPS && (
          <button
            type="button"
            className="button small"
            onClick={() =>
              change({
                ...params,
                lookups: [
                  ...params.lookups,
                  { name: params.lookups.at(-1)?.name ?? 'www.example.com' },
                ],
              })
            }
          >
            {z.addLookup}
          </button>
        )}
      </fieldset>
    </div>
  );
}

/** Why an edit was not applied, in the page's language (a trace from before keys has none). */
function zoneErrorText(t: Strings, e: ZoneEditError): string {
  const message = e.key ? translate(t.notes, e.key, e.params) : e.message;
  return e.line === null ? message : format(t.lab.zone.errorAt, { line: e.line, message });
}

function ZoneEditOutcomeView({ outcome }: OutcomeProps<ZoneEditOutcome>) {
  const t = useStrings();
  const z = t.lab.zone;
  if (!outcome.applied) {
    const e = outcome.error;
    return (
      <>
        <p className="verdict bad">{errorText(zoneErrorText(t, e))}</p>
        <p>{z.notLoaded}</p>
      </>
    );
  }
  return (
    <>
      <p className="verdict good">{z.loaded}</p>
      <LookupTable lookups={outcome.lookups} />
      {outcome.lookups.map((l, i) => (
        <section key={i} className="outcome-section">
          <h4>
            {l.name} {l.type}
          </h4>
          {l.records.length > 0 ? (
            <ul className="plain-list records">
              {l.records.map((r, j) => (
                <li key={j}>
                  <code>{r}</code>
                </li>
              ))}
            </ul>
          ) : (
            <p className="muted">{l.result === 'nodata' ? 'NODATA' : l.rcode}</p>
          )}
        </section>
      ))}
    </>
  );
}

export const zoneEditParts: LabParts<ZoneEditSettings, ZoneEditOutcome> = {
  Editor: ZoneEditor,
  Outcome: ZoneEditOutcomeView,
};
