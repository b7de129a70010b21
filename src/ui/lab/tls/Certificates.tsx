/**
 * Certificate problems: pick one, and the server presents a chain with that defect. The outcome
 * shows the chain it sent and, for a rejected one, the warning a browser would show and the alert.
 */
import type {
  CertificateOutcome,
  CertificateProblem,
  CertificateSettings,
} from '../../../engine/scenarios/lab';
import { useStrings } from '../../hooks';
import { format } from '../../i18n';
import { OutcomeSection, ShowOnDiagram } from '../common';
import type { EditorProps, LabParts, OutcomeProps } from '../types';
import { useLabModules } from '../useLab';
import { BrowserWarning } from './BrowserWarning';

/** The host the certificate lab connects to (CERTIFICATE_LAB_HOST). */
const HOST = 'www.example.com';

function CertificateEditor({ params, change }: EditorProps<CertificateSettings>) {
  const t = useStrings();
  const mods = useLabModules();
  if (!mods) return null;
  const titles = t.lab.presets['lab-tls-certificates'] ?? {};
  return (
    <fieldset className="lab-radios">
      <legend>{t.lab.certificates.problem}</legend>
      {mods.tls.CERTIFICATE_PROBLEMS.map((problem: CertificateProblem) => (
        <label key={problem}>
          <input
            type="radio"
            name="certificate-problem"
            checked={params.problem === problem}
            onChange={() => change({ problem })}
          />
          <span>{titles[problem] ?? problem}</span>
        </label>
      ))}
    </fieldset>
  );
}

function CertificateOutcomeView({ outcome }: OutcomeProps<CertificateOutcome>) {
  const t = useStrings();
  const o = outcome;
  return (
    <>
      {o.ok ? (
        <p className="verdict good">{t.lab.certificates.accepted}</p>
      ) : (
        <BrowserWarning host={HOST} problem={o.problem} sentence={o.warning} alert={o.alert} />
      )}
      <OutcomeSection title={t.lab.certificates.served}>
        <ol className="chain">
          {o.served.map((c, i) => (
            <li key={i}>
              <span className="subject">{c.subject}</span>
              <span className="issuer">
                {format(t.lab.certificates.issuedBy, { issuer: c.issuer })}
              </span>
            </li>
          ))}
        </ol>
      </OutcomeSection>
      <div className="outcome-actions">
        <ShowOnDiagram find={(m) => m.name === 'Certificate'} label={t.lab.showCertificate} />
        {o.alert && (
          <ShowOnDiagram
            find={(m) => m.name.startsWith('Alert') && m.from === o.alert!.sentBy}
            label={t.lab.showAlert}
          />
        )}
      </div>
    </>
  );
}

export const certificateParts: LabParts<CertificateSettings, CertificateOutcome> = {
  Editor: CertificateEditor,
  editorIsPresets: true,
  Outcome: CertificateOutcomeView,
};
