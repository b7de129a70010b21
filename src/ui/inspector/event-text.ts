/**
 * Notes, alerts and errors of a Trace in the page's language: the one place that turns the
 * engine's keys and parameters into the lines the Explain tab shows (and the language walk test
 * checks).
 */
import type { TraceEvent } from '../../engine/trace';
import type { TextParam, TextParams } from '../../i18n/format';
import { displayName, format, translate, type Strings } from '../i18n';

export interface EventLine {
  lane: string;
  text: string;
  tone: string;
}

/** A note's parameters in the current language: lane names, and words such as yes and no. */
export function localParams(t: Strings, params: TextParams = {}): Record<string, TextParam> {
  return Object.fromEntries(
    Object.entries(params).map(([k, v]) => [
      k,
      typeof v === 'string' ? (t.values[v] ?? (k === 'lane' ? displayName(t, v) : v)) : v,
    ]),
  );
}

/** A note, alert or error in plain language; undefined for the other kinds of event. */
export function eventLine(t: Strings, e: TraceEvent): EventLine | undefined {
  switch (e.kind) {
    case 'note': {
      const template = t.notes[e.key];
      return {
        lane: e.lane,
        text: template
          ? translate(t.notes, e.key, localParams(t, { lane: e.lane, ...e.params }))
          : `${e.key} ${JSON.stringify(e.params ?? {})}`,
        tone: 'info',
      };
    }
    case 'alert':
      return {
        lane: e.from,
        text: [
          format(t.ui.alertLine, {
            level: e.level,
            description: e.description,
            code: e.code,
            reason: translate(t.notes, e.reason, e.params),
          }),
          t.alerts[e.description],
        ]
          .filter(Boolean)
          .join(' '),
        tone: 'fatal',
      };
    case 'error':
      return { lane: e.lane, text: translate(t.notes, e.message, e.params), tone: 'fatal' };
    default:
      return undefined;
  }
}
