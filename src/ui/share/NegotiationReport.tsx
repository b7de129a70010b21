/**
 * A `tls probe --json` report, opened through Import: which versions the server accepts, each
 * version's suites in the order the probe found them (the server's own order when it imposes one),
 * the groups, the extensions and the certificate. From `--json --exchanges`, also every probe's
 * ClientHello and the server's answer, each record decoded and shown in the inspector like a run's
 * messages; a plain `--json` file has none, and a line says how to record them.
 */
import { Suspense, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { InspectorTab } from '../../store/slices/selection';
import {
  answerSummary,
  exchangeMessages,
  type ExchangeMessages,
  type ProbeAnswerSummary,
} from '../../engine/scenarios/probe-exchange';
import {
  PROBE_VERSIONS,
  type ProbeExchange,
  type ProbeReport,
} from '../../engine/scenarios/probe-json';
import { indexTrace, type TraceView } from '../../store/trace-view';
import { selectSelectionActions, selectTab, useStore, type Store } from '../../store/store';
import { errorText } from '../error-text';
import { useStrings } from '../hooks';
import { displayName, format, type Strings } from '../i18n';
import { ExplainTab } from '../inspector/ExplainTab';
import { Tabs } from '../inspector/Tabs';
import { BytesTab, FieldsTab } from '../lazy';
import { ShareNotice } from './ShareNotice';

const selectClearSelection = (s: Store) => s.clearSelection;

/** The probe and the message of it that the inspector shows. */
interface Shown {
  index: number;
  decoded: ExchangeMessages;
  view: TraceView;
  step: number;
}

export function NegotiationReport({ report }: { report: ProbeReport }) {
  const t = useStrings();
  const r = t.ui;
  const close = useStore((s) => s.closeProbeReport);
  const [shown, setShown] = useState<Shown>();
  const yesNo = (v: boolean | null) =>
    v === null ? r.reportUnknown : v ? r.reportYes : r.reportNo;
  return (
    <>
      <section className="stage negotiation-report" aria-labelledby="report-title">
        <div className="report-head">
          <h2 id="report-title">{format(r.reportTitle, { target: report.target })}</h2>
          <button type="button" className="button ghost" onClick={close}>
            {r.reportClose}
          </button>
        </div>
        {/* Where the report came from, or why a file imported over it failed. */}
        <ShareNotice />
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
              <td>
                {report.groups.join(', ') || '—'}
                {report.groupOrder &&
                  ` (${report.groupOrder === 'server' ? r.reportOrderServer : r.reportOrderClient})`}
              </td>
            </tr>
            {report.signatureAlgorithms && (
              <tr>
                <th scope="row">{r.reportSignatureAlgorithms}</th>
                <td>{report.signatureAlgorithms.join(', ') || '—'}</td>
              </tr>
            )}
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
            {report.certificate === null ? (
              <tr>
                <td>{r.reportNoCertificate}</td>
              </tr>
            ) : (
              <>
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
              </>
            )}
          </tbody>
        </table>
        {report.exchanges && report.exchanges.length > 0 ? (
          <ProbeExchanges exchanges={report.exchanges} onShow={setShown} />
        ) : (
          <p className="hint report-no-exchanges">{r.reportNoExchanges}</p>
        )}
      </section>
      {shown && <ExchangeInspector shown={shown} />}
    </>
  );
}

function answerText(r: Strings['ui'], a: ProbeAnswerSummary): string {
  switch (a.kind) {
    case 'hello':
      return format(r.reportAnswerHello, { message: a.message, suite: a.suite });
    case 'alert':
      return format(r.reportAnswerAlert, { description: a.description });
    case 'closed':
      return r.reportClosed;
    case 'undecodable':
      return r.reportUndecodable;
  }
}

/**
 * The list of probes in the order sent. Picking one decodes its records and shows its messages;
 * picking a message opens it in the inspector, on the tab last used.
 */
function ProbeExchanges({
  exchanges,
  onShow,
}: {
  exchanges: readonly ProbeExchange[];
  onShow(shown: Shown): void;
}) {
  const t = useStrings();
  const r = t.ui;
  const clearSelection = useStore(selectClearSelection);
  const summaries = useMemo(() => exchanges.map(answerSummary), [exchanges]);
  const [picked, setPicked] = useState<Shown>();
  const show = (index: number, step: number) => {
    // Only the probe picked is decoded whole, certificates and all.
    const same = picked?.index === index ? picked : undefined;
    const decoded = same?.decoded ?? exchangeMessages(exchanges[index]!);
    const view = same?.view ?? indexTrace(decoded.trace);
    const shown = { index, decoded, view, step };
    setPicked(shown);
    // A field picked in one message means nothing in another.
    clearSelection();
    onShow(shown);
  };
  return (
    <section aria-labelledby="report-exchanges" className="report-exchanges">
      <h3 id="report-exchanges">{r.reportExchanges}</h3>
      <p className="hint">{r.reportExchangesHint}</p>
      <ol className="report-exchange-list" aria-label={r.reportExchangeList}>
        {exchanges.map((x, i) => (
          <li key={i}>
            <button
              type="button"
              className="report-exchange"
              aria-pressed={picked?.index === i}
              onClick={() => show(i, 0)}
            >
              {format(r.reportExchangeItem, {
                n: i + 1,
                version: x.version,
                offered: x.offered,
                answer: answerText(r, summaries[i]!),
              })}
            </button>
            {picked?.index === i && (
              <ol
                className="report-exchange-messages"
                aria-label={format(r.reportExchangeMessages, { n: i + 1 })}
              >
                {picked.view.messages.map((m, step) => (
                  <li key={step}>
                    <button
                      type="button"
                      className={`button small ${m.from === 'Client' ? 'to-server' : 'to-client'}`}
                      aria-pressed={picked.step === step}
                      onClick={() => show(i, step)}
                    >
                      {`${m.name}, ${format(r.fromTo, {
                        from: displayName(t, m.from),
                        to: displayName(t, m.to),
                      })}`}
                    </button>
                  </li>
                ))}
              </ol>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

type ReportTab = Extract<InspectorTab, 'explain' | 'fields' | 'bytes'>;

/** The usual inspector's Explain, Fields and Bytes views, for one message of one probe. */
function ExchangeInspector({ shown }: { shown: Shown }) {
  const t = useStrings();
  const tab = useStore(selectTab);
  const { setTab } = useStore(useShallow(selectSelectionActions));
  const { view, step, decoded } = shown;
  const message = view.messages[step]!;
  const tabs: { id: ReportTab; label: string }[] = [
    { id: 'explain', label: t.ui.tabExplain },
    { id: 'fields', label: t.ui.tabFields },
    { id: 'bytes', label: t.ui.tabBytes },
  ];
  const active: ReportTab = tabs.some((x) => x.id === tab) ? (tab as ReportTab) : 'explain';
  const problem = decoded.problem;
  const undecoded =
    problem &&
    (problem.side === 'clientHello' ? message.from === 'Client' : message.from === 'Server');
  return (
    <aside className="inspector" aria-label={t.ui.inspector}>
      <div className="inspector-head">
        <h2 className="inspector-title">
          <span className="inspector-name">{message.name}</span>
        </h2>
        <p className="inspector-meta">
          <span>{format(t.ui.reportProbeNumber, { n: shown.index + 1 })}</span>
          <span>
            {format(t.ui.fromTo, {
              from: displayName(t, message.from),
              to: displayName(t, message.to),
            })}
          </span>
          <span>{format(t.ui.sizeBytes, { count: message.bytes.length })}</span>
          <span className="badge">{t.ui.plaintextBadge}</span>
        </p>
        {undecoded && (
          <p className="decode-status bad">
            {format(t.lab.decode.errorAt, {
              protocol: t.lab.decode.protocols.tls,
              reason: errorText(problem.reason),
              offset: problem.offset,
            })}
          </p>
        )}
      </div>
      <Tabs tabs={tabs} active={active} onChange={setTab} label={t.ui.inspectorTabs}>
        {active === 'explain' && <ExplainTab view={view} step={step} />}
        <Suspense fallback={null}>
          {active === 'fields' && <FieldsTab message={message} />}
          {active === 'bytes' && <BytesTab message={message} />}
        </Suspense>
      </Tabs>
    </aside>
  );
}
