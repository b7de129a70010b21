/**
 * The whole journey: the URL to visit, and whether (and when) to visit again. The outcome puts the
 * two visits side by side, step by step: DNS, TCP, TLS, HTTP, and how much the second one saved.
 */
import type {
  JourneyOutcome,
  JourneySettings,
  VisitReport,
} from '../../../engine/scenarios/journey';
import { useStrings } from '../../hooks';
import { format, formatMs } from '../../i18n';
import { Checkbox, NumberField, ShowOnDiagram, TextField, ScrollBox } from '../common';
import { useLayerName } from '../dns/LookupTable';
import type { EditorProps, LabParts, OutcomeProps } from '../types';
import { NUMBER_RANGES } from '../../../engine/scenarios/number-ranges';

const DEFAULT_AGAIN_SECONDS = 30;

function JourneyEditor({ params, change }: EditorProps<JourneySettings>) {
  const t = useStrings();
  const j = t.lab.journey;
  return (
    <div className="lab-form">
      <TextField
        label={j.url}
        value={params.url}
        mono
        onChange={(url) => change({ ...params, url }, 'typing')}
      />
      <Checkbox
        label={j.visitAgain}
        checked={params.againAfterSeconds !== null}
        onChange={(on) =>
          change({ ...params, againAfterSeconds: on ? DEFAULT_AGAIN_SECONDS : null })
        }
      />
      {params.againAfterSeconds !== null && (
        <NumberField
          label={j.againAfter}
          unit={t.lab.dns.secondsUnit}
          value={params.againAfterSeconds}
          {...NUMBER_RANGES.journeyAgain}
          onChange={(againAfterSeconds) => change({ ...params, againAfterSeconds }, 'typing')}
        />
      )}
    </div>
  );
}

/** One visit's column of the comparison, step by step. */
function useVisitCells(): (v: VisitReport) => string[] {
  const t = useStrings();
  const j = t.lab.journey;
  const layerName = useLayerName();
  return (v) => {
    const tls = v.tls;
    return [
      format(j.dnsCell, {
        layer: layerName(v.dns.answeredBy),
        n: v.messages.dns,
        address: v.address ?? v.dns.rcode,
      }),
      v.tcp ? format(j.tcpCell, { n: v.messages.tcp, server: v.tcp.server }) : '–',
      tls
        ? [
            tls.resumed
              ? format(j.tlsResumed, {
                  by: tls.resumed === 'session_ticket' ? j.byTicket : j.bySessionId,
                })
              : tls.alert
                ? format(j.tlsFailed, { alert: tls.alert.description })
                : j.tlsFull,
            format(j.tlsRecords, { n: v.messages.tls }),
          ].join(' · ')
        : '–',
      tls
        ? j.certificate[tls.certificate.result === 'not sent' ? 'notSent' : tls.certificate.result]
        : '–',
      v.httpStatus ?? '–',
      String(v.messages.total),
      v.responseAfterMs === null ? '–' : `${formatMs(v.responseAfterMs)} ms`,
    ];
  };
}

function JourneyOutcomeView({ outcome }: OutcomeProps<JourneyOutcome>) {
  const t = useStrings();
  const j = t.lab.journey;
  const cells = useVisitCells();
  const o = outcome;
  const visits = [o.first, ...(o.again ? [o.again] : [])];
  const columns = visits.map(cells);
  const rows = [j.rowDns, j.rowTcp, j.rowTls, j.rowCertificate, j.rowHttp, j.rowTotal, j.rowTime];
  return (
    <>
      {o.saved && (
        <p className="verdict good">
          {o.saved.responseMs === null
            ? format(j.savedMessages, { n: o.saved.messages })
            : format(j.saved, { n: o.saved.messages, ms: formatMs(o.saved.responseMs) })}
        </p>
      )}
      {!o.first.httpStatus && o.first.tls?.alert && (
        <p className="verdict bad">
          {format(j.refused, {
            alert: o.first.tls.alert.description,
            host: o.first.tls.certificate.checkedFor,
          })}
        </p>
      )}
      <ScrollBox label={j.caption}>
        <table className="lab-table journey-table">
          <caption className="visually-hidden">{j.caption}</caption>
          <thead>
            <tr>
              <td />
              {visits.map((_, i) => (
                <th key={i} scope="col">
                  {format(j.visitN, { n: i + 1 })}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row, r) => (
              <tr key={row}>
                <th scope="row">{row}</th>
                {columns.map((col, c) => (
                  <td key={c}>{col[r]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
      <div className="outcome-actions">
        <ShowOnDiagram find={(m) => m.protocol === 'tcp'} label={j.showTcp} />
        <ShowOnDiagram find={(m) => m.name === 'ClientHello'} label={j.showTls} />
        {o.again && (
          <ShowOnDiagram find={(m) => m.name === 'ClientHello'} nth={2} label={j.showSecondTls} />
        )}
      </div>
    </>
  );
}

export const journeyParts: LabParts<JourneySettings, JourneyOutcome> = {
  Editor: JourneyEditor,
  Outcome: JourneyOutcomeView,
};
