/**
 * What a browser shows when it refuses a certificate: a full-page interstitial, here in small. It
 * names the problem in plain words, gives the browser's error code, the client's own sentence, and
 * the alert that went on the wire.
 */
import type { AlertOutcome } from '../../../engine/scenarios/lab';
import { useStrings } from '../../hooks';
import { format, translate } from '../../i18n';
import { AlertText } from '../common';

/** Chromium's net error for each validator problem (net/base/net_error_list.h). */
const NET_ERROR: Readonly<Record<string, string>> = {
  expired: 'NET::ERR_CERT_DATE_INVALID',
  not_yet_valid: 'NET::ERR_CERT_DATE_INVALID',
  hostname_mismatch: 'NET::ERR_CERT_COMMON_NAME_INVALID',
  unknown_ca: 'NET::ERR_CERT_AUTHORITY_INVALID',
  self_signed: 'NET::ERR_CERT_AUTHORITY_INVALID',
  missing_intermediate: 'NET::ERR_CERT_AUTHORITY_INVALID',
  not_a_ca: 'NET::ERR_CERT_AUTHORITY_INVALID',
};

export function BrowserWarning({
  host,
  problem,
  sentence,
  alert,
}: {
  host: string;
  /** The validator's name for the problem, e.g. "expired". */
  problem: string | undefined;
  /** The client's reason: a key of the language tables, filled in from the alert's params. */
  sentence: string | undefined;
  alert: AlertOutcome | undefined;
}) {
  const t = useStrings();
  const w = t.lab.warning;
  const kinds = w.kinds as Readonly<Record<string, string>>;
  return (
    <section className="browser-warning" aria-label={w.title}>
      <div className="browser-bar" aria-hidden="true">
        <span className="not-secure">{w.notSecure}</span>
        <span className="url">https://{host}</span>
      </div>
      <div className="browser-page">
        <span className="warning-icon" aria-hidden="true">
          !
        </span>
        <h4>{w.title}</h4>
        <p>{format(w.intro, { host })}</p>
        {problem && <p className="why">{kinds[problem] ?? w.kinds.other}</p>}
        {sentence && <p className="sentence">{translate(t.notes, sentence, alert?.params)}</p>}
        <p className="net-error">{NET_ERROR[problem ?? ''] ?? 'NET::ERR_CERT_INVALID'}</p>
      </div>
      {alert && (
        <p className="on-the-wire">
          <strong>{w.onTheWire}</strong> <AlertText alert={alert} />
        </p>
      )}
    </section>
  );
}
