/**
 * The one line a failed TLS connection prints: the alert, who sent it, and why, in the words of a
 * language table (English by default, the table the UI shows too).
 */
import type { StatusLine } from '../engine/scenarios/run-outcome';
import type { ValidationStep } from '../engine/tls/certificates/steps';
import { alertDescriptionName } from '../engine/tls/enums';
import { alertFor, faultKey, type TlsError } from '../engine/tls/errors';
import { translate } from './format';
import { TLS_TEXT_EN } from './tls.en';

export type Side = 'client' | 'server';

/** One check of a certificate validation, in words. */
export function stepText(
  step: ValidationStep,
  table: Readonly<Record<string, string>> = TLS_TEXT_EN,
): string {
  return translate(table, step.detail, step.params);
}

/** Why a connection failed, in words: the fault's text with its parameters. */
export function faultText(error: TlsError, table: Readonly<Record<string, string>> = TLS_TEXT_EN) {
  return translate(table, faultKey(error.fault), error.params);
}

export function failureLine(
  error: TlsError,
  names: { us: Side; peer: Side },
  table: Readonly<Record<string, string>> = TLS_TEXT_EN,
): string {
  const us = translate(table, `tls.side.${names.us}`);
  const peer = translate(table, `tls.side.${names.peer}`);
  if (error.fault === 'alert_received') {
    const alert = error.params.description;
    const hint = `tls.peer_alert_hint.${alert}`;
    return table[hint] !== undefined
      ? translate(table, 'tls.failure.received_hint', { alert, peer, hint })
      : translate(table, 'tls.failure.received', { alert, peer });
  }
  const reason = faultText(error, table);
  const description = alertFor(error);
  if (description === undefined) return reason;
  return translate(table, 'tls.failure.sent', {
    alert: alertDescriptionName(description),
    us,
    reason,
  });
}

/**
 * The same line as `failureLine`, as a key of the UI's `statusLines` with its parameters: the sides,
 * the fault and the peer's hint stay keys of the notes table, so the page says them in its language.
 */
export function failureStatusLine(error: TlsError, names: { us: Side; peer: Side }): StatusLine {
  const given: StatusLine['params'] = { ...error.params };
  const us = `tls.side.${names.us}`;
  const peer = `tls.side.${names.peer}`;
  if (error.fault === 'alert_received') {
    const alert = error.params.description;
    const hint = `tls.peer_alert_hint.${alert}`;
    return TLS_TEXT_EN[hint] !== undefined
      ? { key: 'tlsReceivedHint', params: { ...given, alert, peer, hint } }
      : { key: 'tlsReceived', params: { ...given, alert, peer } };
  }
  const reason = faultKey(error.fault);
  const description = alertFor(error);
  if (description === undefined) return { key: 'problem', params: { ...given, reason } };
  const alert = alertDescriptionName(description);
  return { key: 'tlsSent', params: { ...given, alert, us, reason } };
}
