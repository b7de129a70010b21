import { useEffect, useId, type FormEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import {
  DEMO_SUITES,
  DNS_QUERY_TYPES,
  type DnsQueryType,
  type SuiteChoice,
} from '../../engine/scenarios/catalog';
import { suiteParams } from '../../engine/tls/suites';
import {
  selectMotion,
  selectScenarioActions,
  selectScenarioId,
  selectSettings,
  selectSettingsActions,
  selectTheme,
  useStore,
} from '../../store/store';
import type { Motion, Theme } from '../../store/slices/settings';
import { problemText } from '../error-text';
import { useStrings } from '../hooks';
import { format, loadEnglishPart } from '../i18n';
import { fieldProblems, type SettingsField } from '../../engine/scenarios/field-problems';
import { HeaderTools } from '../share/HeaderTools';
import { useDisclosure } from '../disclosure';
import { Lesson } from './Lesson';
import { ScenarioOptions } from '../lab/ScenarioOptions';
import { ViewSwitch } from '../lab/ViewSwitch';

const hex4 = (n: number) => `0x${n.toString(16).padStart(4, '0')}`;

/**
 * The lab's English text (src/ui/i18n/en-lab.ts) holds the lessons of the scenarios other than
 * the default and the words of the input limits. It is fetched when the picker is focused, so the
 * lesson of the scenario picked there is usually on hand, and when the header shows a lesson or a
 * problem the table lacks. It fails only offline before the prefetch got to it; what it words
 * shows once it arrives.
 */
const loadLabText = (): void => void loadEnglishPart('lab').catch(() => undefined);

/** Title, scenario picker, the settings that matter for the picked scenario, and the lesson. */
export function Header() {
  const t = useStrings();
  const scenarioId = useStore(selectScenarioId);
  const settings = useStore(selectSettings);
  const actions = useStore(useShallow(selectScenarioActions));
  const ids = {
    scenario: useId(),
    host: useId(),
    suite: useId(),
    seed: useId(),
    name: useId(),
    type: useId(),
    problem: useId(),
  };
  const scenario = t.scenarios[scenarioId];
  const lessonMissing = !scenario?.lesson;
  // What would stop a run, said under the form; the store refuses to run such settings, so the
  // last good run stays on screen. The lab panel shows the problems of its own settings; other
  // settings without a box (a run's connections or lookups) can only come from a file or a link.
  const problems = fieldProblems(settings);
  const fields: readonly (readonly [SettingsField, string])[] = [
    ['serverName', t.ui.hostname],
    ['name', t.ui.dnsName],
    ['seed', t.ui.seed],
    ...(settings.kind === 'lab' ? [] : [['params', t.lab.settings] as const]),
  ];
  const shown = fields.flatMap(([field, label]) => {
    const error = problems[field];
    return error ? [{ field, label, error, id: `${ids.problem}-${field}` }] : [];
  });
  const wordsMissing = lessonMissing || shown.some((p) => t.notes[p.error.limit.key] === undefined);
  useEffect(() => {
    if (wordsMissing) loadLabText();
  }, [wordsMissing]);
  const invalid = (field: SettingsField) =>
    problems[field]
      ? { 'aria-invalid': true, 'aria-describedby': `${ids.problem}-${field}` }
      : { 'aria-invalid': false };

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void actions.run();
  };

  return (
    <header className="app-header">
      <div className="brand">
        <h1>{t.ui.appTitle}</h1>
        <p className="tagline">{t.ui.appTagline}</p>
        <ViewSwitch />
      </div>
      <form className="controls" onSubmit={submit}>
        <label className="field" htmlFor={ids.scenario}>
          <span>{t.ui.scenario}</span>
          <select
            id={ids.scenario}
            className="scenario"
            value={scenarioId}
            onChange={(e) => actions.pickScenario(e.target.value)}
            onFocus={loadLabText}
          >
            <ScenarioOptions scenarioId={scenarioId} />
          </select>
        </label>
        {settings.kind === 'tls' ? (
          <>
            <label className="field" htmlFor={ids.host}>
              <span>{t.ui.hostname}</span>
              <input
                id={ids.host}
                className="host"
                value={settings.serverName}
                spellCheck={false}
                autoComplete="off"
                {...invalid('serverName')}
                onChange={(e) => actions.updateTls({ serverName: e.target.value })}
              />
            </label>
            {/* The choice is among TLS 1.2 suites; a TLS 1.3-only run offers its own three. */}
            {settings.versions !== '1.3' && (
              <label className="field" htmlFor={ids.suite}>
                <span>{t.ui.suite}</span>
                <select
                  id={ids.suite}
                  className="suite"
                  value={String(settings.suite)}
                  onChange={(e) => {
                    const v = e.target.value;
                    actions.updateTls({ suite: (v === 'all' ? 'all' : Number(v)) as SuiteChoice });
                    void actions.run();
                  }}
                >
                  <option value="all">{t.ui.suiteAll}</option>
                  {DEMO_SUITES.map((id) => (
                    <option key={id} value={id}>
                      {format(t.ui.suiteOnly, { suite: `${hex4(id)} ${suiteParams(id)?.openssl}` })}
                    </option>
                  ))}
                </select>
              </label>
            )}
          </>
        ) : settings.kind === 'dns' ? (
          <>
            <label className="field" htmlFor={ids.name}>
              <span>{t.ui.dnsName}</span>
              <input
                id={ids.name}
                className="host"
                value={settings.name}
                spellCheck={false}
                autoComplete="off"
                {...invalid('name')}
                onChange={(e) => actions.updateDns({ name: e.target.value })}
              />
            </label>
            <label className="field" htmlFor={ids.type}>
              <span>{t.ui.dnsType}</span>
              <select
                id={ids.type}
                value={settings.type}
                onChange={(e) => {
                  actions.updateDns({ type: e.target.value as DnsQueryType });
                  void actions.run();
                }}
              >
                {DNS_QUERY_TYPES.map((type) => (
                  <option key={type} value={type}>
                    {type}
                  </option>
                ))}
              </select>
            </label>
          </>
        ) : null}
        <label className="field" htmlFor={ids.seed}>
          <span>{t.ui.seed}</span>
          <input
            id={ids.seed}
            className="seed"
            value={settings.seed}
            spellCheck={false}
            autoComplete="off"
            {...invalid('seed')}
            onChange={(e) =>
              settings.kind === 'tls'
                ? actions.updateTls({ seed: e.target.value })
                : settings.kind === 'dns'
                  ? actions.updateDns({ seed: e.target.value })
                  : actions.updateLab({ seed: e.target.value })
            }
          />
        </label>
        <button type="button" className="button" onClick={actions.newRandomSeed}>
          {t.ui.newSeed}
        </button>
        <button type="submit" className="button primary">
          {t.ui.run}
        </button>
        {shown.length > 0 && (
          <div className="header-problems">
            {shown.map((p) => (
              <p key={p.field} id={p.id} className="field-error" role="alert">
                {format(t.ui.fieldProblem, { field: p.label, error: problemText(t, p.error) })}
              </p>
            ))}
          </div>
        )}
      </form>
      <DisplaySettings />
      <HeaderTools />
      {/* Every lesson but the default's arrives with the lab's text (src/ui/i18n/en-lab.ts). */}
      {scenario?.lesson && <Lesson key={scenarioId} text={scenario.lesson} />}
    </header>
  );
}

/** Theme and motion, tucked into a disclosure so they do not crowd the header. */
function DisplaySettings() {
  const t = useStrings();
  const theme = useStore(selectTheme);
  const motion = useStore(selectMotion);
  const { setTheme, setMotion } = useStore(useShallow(selectSettingsActions));
  const { open, toggle, rootRef, buttonRef } = useDisclosure();
  const themeId = useId();
  const motionId = useId();
  const panelId = useId();
  return (
    <div className="display-settings" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="button ghost"
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={toggle}
      >
        {t.ui.settings}
      </button>
      {open && (
        <div className="popover" id={panelId}>
          <label className="field" htmlFor={themeId}>
            <span>{t.ui.theme}</span>
            <select id={themeId} value={theme} onChange={(e) => setTheme(e.target.value as Theme)}>
              <option value="light">{t.ui.themeLight}</option>
              <option value="dark">{t.ui.themeDark}</option>
            </select>
          </label>
          <label className="field" htmlFor={motionId}>
            <span>{t.ui.motion}</span>
            <select
              id={motionId}
              value={motion}
              onChange={(e) => setMotion(e.target.value as Motion)}
            >
              <option value="system">{t.ui.motionSystem}</option>
              <option value="reduce">{t.ui.motionReduce}</option>
              <option value="full">{t.ui.motionFull}</option>
            </select>
          </label>
        </div>
      )}
    </div>
  );
}
