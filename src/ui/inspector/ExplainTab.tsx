import { selectSelectedField, useStore } from '../../store/store';
import { useStrings } from '../hooks';
import { displayName, format, type Strings } from '../i18n';
import {
  classifyDns,
  classifyTcp,
  messageExplainKey,
  tls13MessageExplainKey,
  tlsVersionAt,
} from '../model/message';
import { eventsOfStep, type TraceView } from '../../store/trace-view';
import { eventLine, type EventLine } from './event-text';
import { stateChanges } from '../model/states';
import { explainKeyOf, fieldPath } from './fields';
import { fieldValueText } from '../i18n/field-value';

/** What the message does, what the engine noted while handling it, and the selected field. */
export function ExplainTab({ view, step }: { view: TraceView; step: number }) {
  const t = useStrings();
  const selected = useStore(selectSelectedField);
  const message = view.messages[step]!;
  const lines = eventsOfStep(view, step)
    .map((e) => eventLine(t, e))
    .filter((x): x is EventLine => !!x);
  const path = selected ? fieldPath(message, selected) : [];
  const span = path.at(-1);
  const explainKey = explainKeyOf(path);
  const meaning = codeMeaning(t, view, step);
  const changes = stateChanges(view).filter((c) => c.step === step);
  return (
    <div className="explain-tab">
      <h3>{t.ui.explainMessage}</h3>
      <p className="explain-text">{messageExplanation(t, view, step)}</p>
      {meaning && (
        <>
          <h3>{meaning.heading}</h3>
          <p className="explain-text">{meaning.text}</p>
        </>
      )}
      {changes.length > 0 && (
        <>
          <h3>{t.ui.explainStates}</h3>
          <ul className="notes state-changes">
            {changes.map((c) => (
              <li key={c.eventIndex} className="note info">
                {stateText(t, c.event.lane, c.event.from, c.event.to)}
              </li>
            ))}
          </ul>
        </>
      )}
      {lines.length > 0 && (
        <>
          <h3>{t.ui.explainNotes}</h3>
          <ul className="notes">
            {lines.map((l, i) => (
              <li key={i} className={`note ${l.tone}`}>
                <span className="note-lane">{displayName(t, l.lane)}</span> {l.text}
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
            {span.value !== undefined && span.value !== null
              ? ` = ${fieldValueText(t, span.value)}`
              : ''}
          </p>
          {explainKey && (
            <p>{t.spans[explainKey] ?? format(t.ui.explainMissing, { key: explainKey })}</p>
          )}
        </>
      )}
    </div>
  );
}

/** A state change in words: who moved from what to what, and what the new state waits for. */
export function stateText(t: Strings, lane: string, from: string, to: string): string {
  const line = format(t.ui.stateTip, { lane: displayName(t, lane), from, to });
  const meaning = t.states[to];
  return meaning ? `${line}. ${meaning}` : line;
}

export function messageExplanation(t: Strings, view: TraceView, step: number): string {
  const message = view.messages[step]!;
  const written = writtenExplanation(t, view, step);
  if (written) return written;
  // A DNS message of a kind the classifier does not know (an imported trace) still names its lanes.
  if (message.protocol === 'dns') {
    // Until the DNS part of the English table arrives (App loads it), there is no text to show
    // yet; the tab draws again when it comes.
    const unknown = t.dns.unknown as string | undefined;
    if (unknown === undefined) return '';
    return format(unknown, {
      from: displayName(t, message.from),
      to: displayName(t, message.to),
    });
  }
  return format(t.ui.explainMissing, { key: message.name });
}

/**
 * The explanation the table has for this message, or undefined when none is written: what the
 * coverage test (explain-coverage.test.ts) requires of every message of every scenario.
 */
export function writtenExplanation(t: Strings, view: TraceView, step: number): string | undefined {
  const message = view.messages[step]!;
  const lanes = (params: Record<string, string>) => ({
    ...params,
    from: displayName(t, params['from'] ?? ''),
    to: displayName(t, params['to'] ?? ''),
  });
  if (message.protocol === 'dns') {
    const { kind, params } = classifyDns(view, step);
    if (kind === 'unknown') return undefined;
    // Empty until DNS's English text (../i18n/en-dns.ts) has arrived; the page then draws again.
    const template: string | undefined = (t.dns as Partial<Strings['dns']> | undefined)?.[kind];
    return template === undefined ? '' : format(template, lanes(params));
  }
  if (message.protocol === 'tcp') {
    const tcp = classifyTcp(view, step);
    if (!tcp) return undefined;
    // Empty until the lab's English text (../i18n/en-lab.ts) has arrived, as for DNS above.
    const template: string | undefined = (t.tcp as Partial<Strings['tcp']> | undefined)?.[tcp.kind];
    return template === undefined ? '' : format(template, lanes(tcp.params));
  }
  // A message TLS 1.3 sends differently (Certificate, Finished, …) has its own text.
  const key13 =
    tlsVersionAt(view, step) === 'tls13'
      ? tls13MessageExplainKey(message.name, t.messages)
      : undefined;
  const key = key13 ?? messageExplainKey(message.name, t.messages);
  return key ? t.messages[key] : undefined;
}

/**
 * What the alert description or the DNS rcode of this message means, for a message that carries
 * one (an Alert other than close_notify, whose own explanation already says it; a failed answer).
 */
export function codeMeaning(
  t: Strings,
  view: TraceView,
  step: number,
): { heading: string; text: string } | undefined {
  const message = view.messages[step]!;
  if (message.protocol === 'dns') {
    const { kind, params } = classifyDns(view, step);
    const rcode = params['rcode'] ?? '';
    if ((kind === 'failure' || kind === 'nxdomain') && t.rcodes[rcode])
      return { heading: format(t.ui.explainRcode, { rcode }), text: t.rcodes[rcode] };
    return undefined;
  }
  const alert = /^Alert (\w+)/.exec(message.name)?.[1];
  if (alert && alert !== 'close_notify' && t.alerts[alert])
    return { heading: t.ui.explainAlert, text: `${alert}: ${t.alerts[alert]}` };
  return undefined;
}
