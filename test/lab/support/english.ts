/**
 * A lab outcome as an English reader sees it: the keys the engine writes (an alert's reason, the
 * certificate warning, the server's reason for its suite) rendered from the English table that
 * the UI and the CLI read, their parameters folded in.
 */
import { translate } from '../../../src/i18n/format';
import { TLS_TEXT_EN } from '../../../src/i18n/tls.en';

interface Keyed {
  reason: string;
  params?: Readonly<Record<string, string | number | readonly string[]>>;
}

function english({ reason, params }: Keyed): string {
  return translate(TLS_TEXT_EN, reason, params ?? {});
}

function withoutParams<T extends Keyed>(value: T): Omit<T, 'params'> & { reason: string } {
  const rest: Record<string, unknown> = { ...(value as object), reason: english(value) };
  delete rest.params;
  return rest as Omit<T, 'params'> & { reason: string };
}

export function inEnglish<
  T extends { alert?: Keyed; warning?: string; serverChose?: Keyed & object },
>(outcome: T): T {
  const out: Record<string, unknown> = { ...outcome };
  if (outcome.alert) out.alert = withoutParams(outcome.alert);
  if (outcome.warning !== undefined)
    out.warning = translate(TLS_TEXT_EN, outcome.warning, outcome.alert?.params ?? {});
  if (outcome.serverChose) out.serverChose = withoutParams(outcome.serverChose);
  return out as T;
}
