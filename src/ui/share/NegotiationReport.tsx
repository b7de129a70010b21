/**
 * A `tls probe --json` report, opened through Import: which versions the server accepts, each
 * version's suites in the order the probe found them (the server's own order when it imposes one),
 * the groups, the extensions and the certificate. With `exchanges`, each probe's ClientHello and
 * the server's answer as hex.
 */
import { PROBE_VERSIONS, type ProbeReport } from '../../engine/scenarios/probe-json';
import { toHex } from '../../engine/bytes/hex';
import { useStore } from '../../store/store';
import { useStrings } from '../hooks';
import { format } from '../i18n';

export function NegotiationReport({ report }: { report: ProbeReport }) {
  const t = useStrings();
  const r = t.ui;
  const close = useStore((s) => s.closeProbeReport);
  const yesNo = (v: boolean) => (v ? r.reportYes : r.reportNo);
  return (
    <section className="stage negotiation-report" aria-labelledby="report-title">
      <div className="report-head">
        <h2 id="report-title">{format(r.reportTitle, { target: report.target })}</h2>
        <button type="button" className="button ghost" onClick={close}>
          {r.reportClose}
        </button>
      </div>
      <table className="report-table">
        <caption>{r.reportVersions}</caption>
        <thead>
          <tr>
            <th scope="col">{r.reportVersion}</th>
            <th scope="col">{r.reportAccepted}</th>
            <th scope="col">{r.reportOrder}</th>
            <th scope="col">{r.reportSuites}</th>
          </tr>
        </thead>
        <tbody>
          {PROBE_VERSIONS.map((name) => {
            const v = report.versions[name];
            return (
              <tr key={name} className={v.accepted ? 'accepted' : 'refused'}>
                <th scope="row">{name}</th>
                <td>{v.accepted ? r.reportAcceptedYes : r.reportRefused}</td>
                <td>
                  {v.order === 'server'
                    ? r.reportOrderServer
                    : v.order === 'client'
                      ? r.reportOrderClient
                      : '—'}
                </td>
                <td>
                  {v.suites && v.suites.length > 0 ? (
                    <ol className="report-suites">
                      {v.suites.map((suite) => (
                        <li key={suite}>
                          <code>{suite}</code>
                        </li>
                      ))}
                    </ol>
                  ) : (
                    '—'
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <table className="report-table">
        <caption>{r.reportDetails}</caption>
        <tbody>
          <tr>
            <th scope="row">{r.reportGroups}</th>
            <td>{report.groups.join(', ') || '—'}</td>
          </tr>
          <tr>
            <th scope="row">{r.reportEms}</th>
            <td>{yesNo(report.extendedMasterSecret)}</td>
          </tr>
          <tr>
            <th scope="row">{r.reportRenegotiation}</th>
            <td>{yesNo(report.secureRenegotiation)}</td>
          </tr>
          <tr>
            <th scope="row">{r.reportTicket}</th>
            <td>{yesNo(report.sessionTicket)}</td>
          </tr>
          <tr>
            <th scope="row">ALPN</th>
            <td>{report.alpn.join(', ') || '—'}</td>
          </tr>
          <tr>
            <th scope="row">{r.reportOcsp}</th>
            <td>{yesNo(report.ocspStapling)}</td>
          </tr>
        </tbody>
      </table>
      <table className="report-table">
        <caption>{r.reportCertificate}</caption>
        <tbody>
          <tr>
            <th scope="row">{r.reportSubject}</th>
            <td>{report.certificate.subject}</td>
          </tr>
          <tr>
            <th scope="row">{r.reportIssuer}</th>
            <td>{report.certificate.issuer}</td>
          </tr>
          <tr>
            <th scope="row">{r.reportChain}</th>
            <td>{report.certificate.chainLength}</td>
          </tr>
          <tr>
            <th scope="row">{r.reportValid}</th>
            <td>{yesNo(report.certificate.valid)}</td>
          </tr>
        </tbody>
      </table>
      {report.exchanges && report.exchanges.length > 0 && (
        <section aria-labelledby="report-exchanges">
          <h3 id="report-exchanges">{r.reportExchanges}</h3>
          {report.exchanges.map((x, i) => (
            <details key={i} className="report-exchange">
              <summary>
                {x.version} · {x.offered} ·{' '}
                {x.answer.length === 0
                  ? r.reportClosed
                  : x.answer[0] === 21
                    ? r.reportAlert
                    : r.reportServerHello}
              </summary>
              <p>ClientHello</p>
              <pre className="hex">{toHex(x.clientHello)}</pre>
              <p>{r.reportAnswer}</p>
              <pre className="hex">{toHex(x.answer)}</pre>
            </details>
          ))}
        </section>
      )}
    </section>
  );
}
