/**
 * Time travel: lookups in a row while the clock jumps forward by chosen amounts (and, if asked,
 * the browser or the computer restarts). The outcome is the table of who answered and what each
 * cache had left.
 */
import type {
  LookupStep,
  TimeTravelOutcome,
  TimeTravelSettings,
} from '../../../engine/scenarios/lab/dns';
import { MAX_TIME_TRAVEL_LOOKUPS } from '../../../engine/limits';
import { useStrings } from '../../hooks';
import { format } from '../../i18n';
import { NumberField, SelectField, TextField } from '../common';
import type { EditorProps, LabParts, OutcomeProps } from '../types';
import { LookupCards } from './LookupCards';
import { NUMBER_RANGES } from '../../../engine/scenarios/number-ranges';
import { useLayerName } from './LookupTable';
import { DNS_QUERY_TYPES as DNS_TYPES } from '../../../engine/scenarios/catalog';

/** The jumps the clock offers, in seconds: ten seconds to a day. */
const JUMPS = [10, 60, 300, 3_600, 86_400] as const;
const RESTARTS = ['', 'browser', 'computer'] as const;

function StepRow({
  step,
  index,
  onChange,
  onRemove,
}: {
  step: LookupStep;
  index: number;
  onChange(step: LookupStep, typing?: boolean): void;
  onRemove?: () => void;
}) {
  const t = useStrings();
  const d = t.lab.dns;
  return (
    <li className="step-row">
      <fieldset>
        <legend>{format(d.lookupN, { n: index + 1 })}</legend>
        <TextField
          label={d.name}
          value={step.name}
          onChange={(name) => onChange({ ...step, name }, true)}
        />
        <SelectField
          label={d.type}
          value={(step.type ?? 'A') as (typeof DNS_TYPES)[number]}
          options={DNS_TYPES.map((x) => [x, x] as const)}
          onChange={(type) => onChange({ ...step, type })}
        />
        {index > 0 && (
          <>
            <NumberField
              label={d.after}
              unit={d.secondsUnit}
              value={step.afterSeconds ?? 0}
              {...NUMBER_RANGES.lookupAfter}
              onChange={(afterSeconds) => onChange({ ...step, afterSeconds }, true)}
            />
            <SelectField
              label={d.restart}
              value={step.restart ?? ''}
              options={RESTARTS.map((r) => [r, d.restarts[r === '' ? 'none' : r]] as const)}
              onChange={(r) => {
                const next: LookupStep = { name: step.name };
                if (step.type) next.type = step.type;
                if (step.afterSeconds) next.afterSeconds = step.afterSeconds;
                if (r !== '') next.restart = r;
                onChange(next);
              }}
            />
          </>
        )}
        {onRemove && (
          <button type="button" className="button small" onClick={onRemove}>
            {format(d.removeLookup, { n: index + 1 })}
          </button>
        )}
      </fieldset>
    </li>
  );
}

function TimeTravelEditor({ params, change }: EditorProps<TimeTravelSettings>) {
  const t = useStrings();
  const d = t.lab.dns;
  const steps = params.steps;
  const last = steps.at(-1);
  const setStep = (i: number, step: LookupStep, typing?: boolean) =>
    change({ steps: steps.map((s, j) => (j === i ? step : s)) }, typing ? 'typing' : 'now');
  return (
    <div className="lab-form">
      <ol className="steps">
        {steps.map((step, i) => (
          <StepRow
            key={i}
            step={step}
            index={i}
            onChange={(s, typing) => setStep(i, s, typing)}
            {...(steps.length > 1
              ? { onRemove: () => change({ steps: steps.filter((_, j) => j !== i) }) }
              : {})}
          />
        ))}
      </ol>
      {steps.length >= MAX_TIME_TRAVEL_LOOKUPS && (
        <p className="hint">{format(d.lookupsFull, { max: MAX_TIME_TRAVEL_LOOKUPS })}</p>
      )}
      {steps.length < MAX_TIME_TRAVEL_LOOKUPS && (
        <div className="jumps" role="group" aria-label={d.advanceClock}>
          <span className="jumps-label">{d.advanceClock}</span>
          {JUMPS.map((s) => (
            <button
              key={s}
              type="button"
              className="button small"
              onClick={() =>
                change({
                  steps: [
                    ...steps,
                    {
                      name: last?.name ?? 'www.example.com',
                      afterSeconds: s,
                      ...(last?.type ? { type: last.type } : {}),
                    },
                  ],
                })
              }
            >
              {d.jumps[String(s) as keyof typeof d.jumps]}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}

function TimeTravelOutcomeView({ outcome }: OutcomeProps<TimeTravelOutcome>) {
  const t = useStrings();
  const layerName = useLayerName();
  const last = outcome.lookups.at(-1);
  return (
    <>
      {last && (
        <p className="verdict neutral">
          {format(t.lab.dns.lastAnsweredBy, { layer: layerName(last.answeredBy) })}
        </p>
      )}
      <p className="hint">{t.lab.dns.barsHint}</p>
      <LookupCards lookups={outcome.lookups} />
    </>
  );
}

export const timeTravelParts: LabParts<TimeTravelSettings, TimeTravelOutcome> = {
  Editor: TimeTravelEditor,
  Outcome: TimeTravelOutcomeView,
};
