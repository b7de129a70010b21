/**
 * Resumption: what the server keeps (a session cache, a ticket key), whether the client takes
 * tickets, and what happens between the two connections. The outcome puts the two handshakes side
 * by side with their round trips.
 */
import type {
  BetweenConnections,
  ConnectionSummary,
  ResumptionOutcome,
  ResumptionSettings,
} from '../../../engine/scenarios/lab';
import { useStrings } from '../../hooks';
import { format, formatMs } from '../../i18n';
import { Checkbox, SelectField, ShowOnDiagram } from '../common';
import type { EditorProps, LabParts, OutcomeProps } from '../types';

const BETWEEN: readonly BetweenConnections[] = [
  'nothing',
  'server-cache-cleared',
  'ticket-key-rotated',
  'session-lifetime-passed',
];

function ResumptionEditor({ params, change }: EditorProps<ResumptionSettings>) {
  const t = useStrings();
  const r = t.lab.resumption;
  return (
    <div className="lab-form">
      <Checkbox
        label={r.sessionCache}
        checked={params.server.sessionCache}
        onChange={(sessionCache) =>
          change({ ...params, server: { ...params.server, sessionCache } })
        }
      />
      <Checkbox
        label={r.tickets}
        checked={params.server.tickets}
        onChange={(tickets) => change({ ...params, server: { ...params.server, tickets } })}
      />
      <Checkbox
        label={r.offerTickets}
        checked={params.client.offerTickets}
        onChange={(offerTickets) => change({ ...params, client: { offerTickets } })}
      />
      <SelectField
        label={r.between}
        value={params.between}
        options={BETWEEN.map((b) => [b, r.betweenChoices[b]] as const)}
        onChange={(between) => change({ ...params, between })}
      />
    </div>
  );
}

function Connection({
  n,
  summary,
  resumed,
}: {
  n: number;
  summary: ConnectionSummary;
  resumed: boolean;
}) {
  const t = useStrings();
  const r = t.lab.resumption;
  const h = summary.handshake;
  return (
    <section className="connection" aria-label={format(t.ui.connectionLabel, { n })}>
      <h4>
        {format(t.ui.connectionLabel, { n })}:{' '}
        {resumed ? r.abbreviated : h ? r.full : r.noHandshake}
      </h4>
      {h && (
        <>
          <p className="round-trips">{format(r.roundTrips, { n: h.roundTrips })}</p>
          <p className="muted">{format(r.readyAfter, { time: formatMs(h.clientReadyAfterMs) })}</p>
          <ol className="message-list">
            {h.messages.map((m, i) => (
              <li key={i}>{m}</li>
            ))}
          </ol>
        </>
      )}
      {summary.httpStatus && <p className="muted">{summary.httpStatus}</p>}
    </section>
  );
}

function ResumptionOutcomeView({ outcome }: OutcomeProps<ResumptionOutcome>) {
  const t = useStrings();
  const r = t.lab.resumption;
  const o = outcome;
  const by = (how: 'session_id' | 'session_ticket') =>
    how === 'session_id' ? r.bySessionId : r.byTicket;
  return (
    <>
      <p className={`verdict ${o.resumed ? 'good' : 'neutral'}`}>
        {o.resumed ? format(r.resumed, { by: by(o.resumed) }) : r.notResumed}
      </p>
      <p>{o.offered === 'nothing' ? r.offeredNothing : format(r.offered, { by: by(o.offered) })}</p>
      {o.fallback.length > 0 && (
        <ul className="plain-list">
          {o.fallback.map(({ key, params }) => (
            <li key={key}>{format(t.notes[key] ?? key, params)}</li>
          ))}
        </ul>
      )}
      <div className="side-by-side">
        <Connection n={1} summary={o.first} resumed={false} />
        <Connection n={2} summary={o.second} resumed={o.resumed !== false} />
      </div>
      <div className="outcome-actions">
        <ShowOnDiagram find={(m) => m.name === 'ClientHello'} nth={2} label={r.showSecond} />
      </div>
    </>
  );
}

export const resumptionParts: LabParts<ResumptionSettings, ResumptionOutcome> = {
  Editor: ResumptionEditor,
  Outcome: ResumptionOutcomeView,
};
