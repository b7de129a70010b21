/**
 * The one line a failed TLS connection prints: the alert, who sent it, and why, in the words of a
 * language table (English by default, the table the UI shows too).
 */
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
