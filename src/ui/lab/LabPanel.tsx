/**
 * The lab panel, beside the diagram when a lab scenario is picked: where to start from (the
 * presets), the scenario's own settings, and the outcome of the last run in plain words. On a
 * narrow screen it shares its column with the inspector (LabSideSwitch).
 */
import { useId, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import {
  selectInspected,
  selectScenarioActions,
  selectScenarioId,
  selectSettings,
  selectStatus,
  selectView,
  useStore,
} from '../../store/store';
import { labSettingsProblem } from '../../engine/scenarios/lab-settings';
import { problemText } from '../error-text';
import { useStrings } from '../hooks';
import { format } from '../i18n';
import { ExplainTab } from '../inspector/ExplainTab';
import { LAB_PANELS } from './panels';
import { useLab, useLabOutcome, type RunWhen } from './useLab';
import './lab.css';
import { messageTitle } from '../i18n/message-title';

export function LabPanel() {
  const t = useStrings();
  const settings = useStore(selectSettings);
  const headingId = useId();
  if (settings.kind !== 'lab') return null;
  return (
    <aside className="lab-panel" aria-labelledby={headingId}>
      <h2 id={headingId} className="visually-hidden">
        {t.lab.panel}
      </h2>
      <LabBody />
    </aside>
  );
}

function LabBody() {
  const t = useStrings();
  const scenarioId = useStore(selectScenarioId);
  const status = useStore(selectStatus);
  const { updateLab, run } = useStore(useShallow(selectScenarioActions));
  const state = useLab();
  const outcome = useLabOutcome(state?.lab.id);
  const presetId = useId();
  const [resets, setResets] = useState(0);
  if (!state) return <p className="muted lab-loading">{t.lab.loading}</p>;
  const { lab, settings, params } = state;
  const parts = LAB_PANELS[lab.id];
  const problem = labSettingsProblem(lab.id, params);
  // Settings that are not even of the right shape (from an imported trace, say) would break the
  // editor as it draws them: only the problem and the way back to a preset are shown.
  const editable = !problem?.shape;
  // Settings the engine would refuse are kept and shown with their problem, but not run.
  const change = (next: unknown, when?: RunWhen) =>
    state.change(next, labSettingsProblem(lab.id, next) ? 'never' : when);
  const titles = t.lab.presets[scenarioId] ?? {};
  const edited = settings.params !== undefined;
  return (
    <div className="lab-body">
      {(!parts?.editorIsPresets || !editable) && (
        <div className="lab-field preset">
          <label htmlFor={presetId}>{t.lab.startFrom}</label>
          <select
            id={presetId}
            value={settings.preset}
            onChange={(e) => {
              updateLab({ preset: e.target.value, params: undefined });
              setResets(resets + 1);
              void run();
            }}
          >
            {lab.presets.map((p) => (
              <option key={p.id} value={p.id}>
                {titles[p.id] ?? p.title}
              </option>
            ))}
          </select>
          {edited && (
            <button
              type="button"
              className="button small ghost"
              onClick={() => {
                updateLab({ params: undefined });
                setResets(resets + 1);
                void run();
              }}
            >
              {t.lab.resetPreset}
            </button>
          )}
        </div>
      )}
      {(parts?.Editor || problem) && (
        <section className="lab-settings" aria-label={t.lab.settings}>
          {parts?.Editor && editable && (
            <parts.Editor
              // Drawn afresh when the settings go back to a preset, so that nothing typed into a
              // field and refused there (a number out of range) outlives the reset.
              key={resets}
              params={params as never}
              change={change}
              seed={settings.seed}
            />
          )}
          {problem && (
            <p className="lab-problem" role="alert">
              {problemText(t, problem)}
            </p>
          )}
        </section>
      )}
      <section
        className="lab-outcome"
        aria-label={t.lab.outcome}
        aria-busy={status === 'running'}
        tabIndex={0}
      >
        <h3>{t.lab.outcome}</h3>
        {status === 'running' && <p className="muted">{t.lab.running}</p>}
        {parts && outcome !== undefined && editable ? (
          <parts.Outcome outcome={outcome as never} params={params as never} />
        ) : (
          status !== 'running' && <p className="muted">{t.lab.noOutcome}</p>
        )}
      </section>
      <LabMessage />
    </div>
  );
}

/**
 * The current message's explanation inside the lab, behind a visible control: below 1600 px the
 * inspector is the other side of a switch, and stepping through a run should not mean leaving it.
 */
function LabMessage() {
  const t = useStrings();
  const view = useStore(selectView);
  const step = useStore(selectInspected);
  const message = view?.messages[step];
  if (!view || !message) return null;
  return (
    <details className="lab-message">
      <summary>
        {format(t.labMessage.summary, { n: step + 1, name: messageTitle(t, message) })}
      </summary>
      <div className="lab-message-body">
        <ExplainTab view={view} step={step} />
      </div>
    </details>
  );
}
