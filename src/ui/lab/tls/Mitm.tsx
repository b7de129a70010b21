/**
 * Man in the middle: one switch, whether the client trusts the attacker's root. Refused, the
 * client shows a warning and the attacker reads nothing; trusted, the outcome shows the plaintext
 * the attacker decrypted and relayed.
 */
import type { MitmOutcome, MitmSettings } from '../../../engine/scenarios/lab';
import { useStrings } from '../../hooks';
import { format } from '../../i18n';
import { Checkbox, Facts, OutcomeSection, ShowOnDiagram } from '../common';
import type { EditorProps, LabParts, OutcomeProps } from '../types';
import { BrowserWarning } from './BrowserWarning';

const HOST = 'www.example.com';

function MitmEditor({ params, change }: EditorProps<MitmSettings>) {
  const t = useStrings();
  return (
    <div className="lab-form">
      <Checkbox
        label={t.lab.mitm.trust}
        hint={t.lab.mitm.trustHint}
        checked={params.trustAttackerCa}
        onChange={(trustAttackerCa) => change({ trustAttackerCa })}
      />
    </div>
  );
}

function MitmOutcomeView({ outcome }: OutcomeProps<MitmOutcome>) {
  const t = useStrings();
  const m = t.lab.mitm;
  const o = outcome;
  return (
    <>
      {o.clientAccepted ? (
        <p className="verdict bad">{format(m.accepted, { issuer: o.acceptedIssuer ?? '' })}</p>
      ) : (
        <BrowserWarning host={HOST} problem="unknown_ca" sentence={o.warning} alert={o.alert} />
      )}
      <Facts
        rows={[
          [m.relayed, o.relayed ? t.lab.yes : t.lab.no],
          !!o.httpStatus && [m.clientGot, o.httpStatus],
        ]}
      />
      <OutcomeSection title={m.attackerRead}>
        {o.attackerRead.length === 0 ? (
          <p className="muted">{m.readNothing}</p>
        ) : (
          <ul className="plaintexts" aria-label={m.attackerRead}>
            {o.attackerRead.map((r, i) => (
              <li key={i}>
                <p className="plaintext-route">{format(t.ui.fromTo, { from: r.from, to: r.to })}</p>
                <pre className="plaintext" tabIndex={0}>
                  {r.text}
                </pre>
              </li>
            ))}
          </ul>
        )}
      </OutcomeSection>
      <div className="outcome-actions">
        <ShowOnDiagram find={(msg) => msg.name === 'Certificate'} label={t.lab.showCertificate} />
      </div>
    </>
  );
}

export const mitmParts: LabParts<MitmSettings, MitmOutcome> = {
  Editor: MitmEditor,
  Outcome: MitmOutcomeView,
};
