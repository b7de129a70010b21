import type { TraceEvent } from '../../engine/trace';
import { selectSelectedField, useStore } from '../../store/store';
import { useStrings } from '../hooks';
import { format, type Strings } from '../i18n';
import { classifyDns, messageExplainKey } from '../model/message';
import { eventsOfStep, type TraceView } from '../model/trace-view';
import { explainKeyOf, fieldPath } from './fields';

/** What the message does, what the engine noted while handling it, and the selected field. */
export function ExplainTab({ view, step }: { view: TraceView; step: number }) {
  const t = useStrings();
  const selected = useStore(selectSelectedField);
  const message = view.messages[step]!;
  const lines = eventsOfStep(view, step)
    .map((e) => eventLine(t, e))
    .filter((x): x is { lane: string; text: string; tone: string } => !!x);
  const path = selected ? fieldPath(message, selected) : [];
  const span = path.at(-1);
  const explainKey = explainKeyOf(path);
  return (
    <div className="explain-tab">
      <h3>{t.ui.explainMessage}</h3>
      <p className="explain-text">{messageExplanation(t, view, step)}</p>
      {lines.length > 0 && (
        <>
          <h3>{t.ui.explainNotes}</h3>
          <ul className="notes">
            {lines.map((l, i) => (
              <li key={i} className={`note ${l.tone}`}>
                <span className="note-lane">{l.lane}</span> {l.text}
              </li>
            ))}
          </ul>
        </>
      )}
      {span && (
        <>
          <h3>{t.ui.explainField}</h3>
          <p>
            <strong>{span.name}</strong>
            {span.value !== undefined && span.value !== null ? ` = ${String(span.value)}` : ''}
          </p>
          {explainKey && (
            <p>{t.spans[explainKey] ?? format(t.ui.explainMissing, { key: explainKey })}</p>
          )}
        </>
      )}
    </div>
  );
}

export function messageExplanation(t: Strings, view: TraceView, step: number): string {
  const message = view.messages[step]!;
  if (message.protocol === 'dns') {
    const { kind, params } = classifyDns(view, step);
    return format(t.dns[kind], params);
  }
  const key = messageExplainKey(message.name, t.messages);
  return key ? t.messages[key]! : format(t.ui.explainMissing, { key: message.name });
}

/** Notes, alerts and errors logged at this step, in plain language. */
function eventLine(
  t: Strings,
  e: TraceEvent,
): { lane: string; text: string; tone: string } | undefined {
  switch (e.kind) {
    case 'note': {
      const template = t.notes[e.key];
      return {
        lane: e.lane,
        text: template
          ? format(template, { lane: e.lane, ...e.params })
          : `${e.key} ${JSON.stringify(e.params ?? {})}`,
        tone: 'info',
      };
    }
    case 'alert':
      return {
        lane: e.from,
        text: format(t.ui.alertLine, {
          level: e.level,
          description: e.description,
          code: e.code,
          reason: e.reason,
        }),
        tone: 'fatal',
      };
    case 'error':
      return { lane: e.lane, text: e.message, tone: 'fatal' };
    default:
      return undefined;
  }
}
