/**
 * What the status line and the diagram's separators say about a lab run, read off its outcome: where
 * each connection, lookup or visit begins in the Trace, whether the run ended well, and a one-line
 * summary made only of protocol words (suite, alert, rcode, addresses), which need no translation.
 * Pure functions, tested without a DOM.
 */
import type { Trace } from '../trace';
import { translate } from '../../i18n/format';
import { TLS_TEXT_EN } from '../../i18n/tls.en';
import type {
  CertificateOutcome,
  EmsOutcome,
  MitmOutcome,
  NegotiationOutcome,
  ResumptionOutcome,
  TamperOutcome,
  AlertOutcome,
} from './lab';
import type {
  BrokenServersOutcome,
  CnameOutcome,
  GslbOutcome,
  LookupReport,
  NegativeOutcome,
  PoisoningOutcome,
  QnameMinimisationOutcome,
  TimeTravelOutcome,
  ZoneEditOutcome,
} from './lab/dns';
import type { JourneyOutcome } from './journey';
import { DEMO_EPOCH_MS } from '../sim/clock';
import type { Phase, StatusLine } from './run-outcome';

/** The DNS engine's browser lane (src/engine/dns/lanes.ts). */
const BROWSER_LANE = 'Browser';

export interface LabStatus {
  ok: boolean;
  summary: string;
  error?: string;
  errorLine?: StatusLine;
}

/** "handshake_failure from Server: no cipher suite in common". */
export function alertLine(alert: AlertOutcome): string {
  return `${alert.description} (${alert.sentBy} → ${alert.to}): ${translate(TLS_TEXT_EN, alert.reason, alert.params)}`;
}

/** The alert line as a key, with the lanes by their engine names. */
export function alertStatusLine(alert: AlertOutcome): StatusLine {
  const { description, sentBy, to, reason } = alert;
  // The reason's own parameters ({scheme}, {group}, …) ride along, so the page can fill it in.
  const reasonParams = Object.fromEntries(
    Object.entries(alert.params ?? {}).filter(
      (e): e is [string, string | number] => typeof e[1] === 'string' || typeof e[1] === 'number',
    ),
  );
  return { key: 'alert', params: { ...reasonParams, description, from: sentBy, to, reason } };
}

/** NODATA is NOERROR with no record of the type asked (RFC 2308, Section 2.2). */
function rcodeWord(report: LookupReport): string {
  return report.result === 'nodata' ? 'NODATA' : report.rcode;
}

function lookupLine(report: LookupReport): string {
  return [rcodeWord(report), ...report.addresses].join(' · ');
}

function lookupPhases(reports: readonly { events: [number, number] }[]): Phase[] {
  if (reports.length < 2) return [];
  return reports.map((r, i) => ({ eventIndex: r.events[0], kind: 'lookup', n: i + 1 }));
}

/**
 * Where each GSLB lookup begins: its lookups carry no event ranges, because the health checker's
 * events are woven in between; a lookup starts with the browser's first event at or after its time.
 */
function gslbPhases(trace: Trace, outcome: GslbOutcome): Phase[] {
  const phases: Phase[] = [];
  let from = 0;
  outcome.lookups.forEach((lookup, i) => {
    const at = DEMO_EPOCH_MS + lookup.atSeconds * 1000;
    const index = trace.events.findIndex(
      (e, j) =>
        j >= from &&
        e.t >= at &&
        ((e.kind === 'message' && e.from === BROWSER_LANE) ||
          (e.kind === 'cache' && e.lane === BROWSER_LANE)),
    );
    if (index < 0) return;
    phases.push({ eventIndex: index, kind: 'lookup', n: i + 1 });
    from = index + 1;
  });
  return phases;
}

/** The phases of a run, by scenario: separators on the diagram between its parts. */
export function labPhases(id: string, trace: Trace, outcome: unknown): Phase[] {
  switch (id) {
    case 'lab-tls-resumption': {
      const o = outcome as ResumptionOutcome;
      return [
        { eventIndex: o.first.events[0], kind: 'connection', n: 1 },
        { eventIndex: o.second.events[0], kind: 'connection', n: 2 },
      ];
    }
    case 'lab-dns-time-travel':
      return lookupPhases((outcome as TimeTravelOutcome).lookups);
    case 'lab-dns-negative': {
      const o = outcome as NegativeOutcome;
      return lookupPhases([o.first, o.again]);
    }
    case 'lab-dns-poisoning':
      return lookupPhases((outcome as PoisoningOutcome).lookups);
    case 'lab-dns-zone-edit': {
      const o = outcome as ZoneEditOutcome;
      return o.applied ? lookupPhases(o.lookups) : [];
    }
    case 'lab-dns-gslb-failover':
      return gslbPhases(trace, outcome as GslbOutcome);
    case 'journey-visit': {
      const o = outcome as JourneyOutcome;
      return o.again
        ? [
            { eventIndex: o.first.events[0], kind: 'visit', n: 1 },
            { eventIndex: o.again.events[0], kind: 'visit', n: 2 },
          ]
        : [];
    }
    default:
      return [];
  }
}

/** Whether the run ended as a user would hope, and its one-line summary. */
export function labStatus(id: string, outcome: unknown): LabStatus {
  const failed = (alert: AlertOutcome | undefined, fallback: string): LabStatus => ({
    ok: false,
    summary: '',
    error: alert ? alertLine(alert) : fallback,
    ...(alert ? { errorLine: alertStatusLine(alert) } : {}),
  });
  switch (id) {
    case 'lab-tls-negotiation': {
      const o = outcome as NegotiationOutcome;
      if (!o.ok) return failed(o.alert, 'no HTTP response');
      const parts = [o.serverChose?.name, o.group, o.signatureScheme].filter(Boolean);
      return { ok: true, summary: parts.join(' · ') };
    }
    case 'lab-tls-resumption': {
      const o = outcome as ResumptionOutcome;
      const rtt = (c: ResumptionOutcome['first']) => c.handshake?.roundTrips ?? '–';
      const summary = `${rtt(o.first)} RTT → ${rtt(o.second)} RTT`;
      return o.ok ? { ok: true, summary } : { ok: false, summary, error: summary };
    }
    case 'lab-tls-certificates': {
      const o = outcome as CertificateOutcome;
      return o.ok ? { ok: true, summary: 'HTTP/1.1 200 OK' } : failed(o.alert, o.warning ?? '');
    }
    case 'lab-tls-mitm': {
      const o = outcome as MitmOutcome;
      return o.ok
        ? { ok: true, summary: o.httpStatus ?? '' }
        : failed(o.alert, o.warning ?? 'no HTTP response');
    }
    case 'lab-tls-tamper': {
      const o = outcome as TamperOutcome;
      if (o.ok) return { ok: true, summary: o.httpStatus ?? '' };
      if (o.caught) return failed(o.caught.alert, o.caught.exposedBy);
      // Nobody refused, and the handshake cannot go on: each side waits for what never comes (a
      // record length that promises more bytes). The line says who waits where.
      const [first, second] = o.stalled ?? [];
      const line = first && {
        key: second ? 'stalledBoth' : 'stalled',
        params: {
          lane: first.lane,
          state: first.waitingIn,
          ...(second ? { other: second.lane, otherState: second.waitingIn } : {}),
        },
      };
      return {
        ok: false,
        summary: '',
        // The CLI's line, in the words of the page's English status line.
        error: `no alert, and the handshake stalled: ${(o.stalled ?? [])
          .map((s, i) =>
            i === 0
              ? `the ${s.lane} still waits in ${s.waitingIn}`
              : `the ${s.lane} in ${s.waitingIn}`,
          )
          .join(', ')}`,
        ...(line ? { errorLine: line } : {}),
      };
    }
    case 'lab-tls-ems': {
      const o = outcome as EmsOutcome;
      return { ok: o.ok, summary: `“${o.label}”`, ...(o.ok ? {} : { error: `“${o.label}”` }) };
    }
    case 'lab-dns-time-travel': {
      const o = outcome as TimeTravelOutcome;
      const last = o.lookups.at(-1);
      return { ok: true, summary: last ? lookupLine(last) : '' };
    }
    case 'lab-dns-negative': {
      const o = outcome as NegativeOutcome;
      return { ok: true, summary: `${rcodeWord(o.first)} → ${rcodeWord(o.again)}` };
    }
    case 'lab-dns-broken-servers':
      return { ok: true, summary: lookupLine((outcome as BrokenServersOutcome).lookup) };
    case 'lab-dns-poisoning': {
      const o = outcome as PoisoningOutcome;
      return { ok: true, summary: o.browserGot.join(' · ') };
    }
    case 'lab-dns-cname-loop': {
      const o = outcome as CnameOutcome;
      return { ok: true, summary: lookupLine(o.lookup) };
    }
    case 'lab-dns-gslb-failover': {
      const o = outcome as GslbOutcome;
      return { ok: true, summary: `${o.primary} → ${o.secondary}` };
    }
    case 'lab-dns-qname-minimisation':
      return { ok: true, summary: lookupLine((outcome as QnameMinimisationOutcome).lookup) };
    case 'lab-dns-zone-edit': {
      const o = outcome as ZoneEditOutcome;
      if (!o.applied)
        return {
          ok: false,
          summary: '',
          error:
            o.error.line === null ? o.error.message : `line ${o.error.line}: ${o.error.message}`,
          errorLine:
            o.error.line === null
              ? { key: 'problem', params: { ...o.error.params, reason: o.error.key } }
              : {
                  key: 'zoneLine',
                  params: { ...o.error.params, line: o.error.line, reason: o.error.key },
                },
        };
      const last = o.lookups.at(-1);
      return { ok: true, summary: last ? lookupLine(last) : '' };
    }
    case 'journey-visit': {
      const o = outcome as JourneyOutcome;
      const visits = [o.first, ...(o.again ? [o.again] : [])];
      const last = visits.at(-1)!;
      const counts = visits.map((v) => v.messages.total).join(' → ');
      if (!last.httpStatus)
        return {
          ok: false,
          summary: counts,
          error: last.tls?.alert
            ? `${last.tls.alert.description} (${last.tls.alert.sentBy}): ${translate(TLS_TEXT_EN, last.tls.alert.reason, last.tls.alert.params)}`
            : counts,
          ...(last.tls?.alert
            ? {
                errorLine: {
                  key: 'alertFrom',
                  params: {
                    description: last.tls.alert.description,
                    from: last.tls.alert.sentBy,
                    reason: last.tls.alert.reason,
                  },
                },
              }
            : {}),
        };
      return { ok: true, summary: `${counts} · ${last.httpStatus}` };
    }
    default:
      return { ok: true, summary: '' };
  }
}
