/**
 * GSLB failover: the record's TTL, the health check, when the primary stops, and how often the
 * browser looks the name up. The outcome lists, lookup by lookup, what the authoritative servers
 * answered and what the browser actually got, so the lag the TTL adds can be read off.
 */
import type { GslbOutcome, GslbSettings } from '../../../engine/scenarios/lab/dns';
import { useStrings } from '../../hooks';
import { format } from '../../i18n';
import { Facts, NumberField, ScrollBox } from '../common';
import type { EditorProps, LabParts, OutcomeProps } from '../types';
import { lookupSpacing, lookupTimes } from './gslb-times';
import { NUMBER_RANGES } from '../../../engine/scenarios/number-ranges';
import { useLayerName } from './LookupTable';

function GslbEditor({ params, change }: EditorProps<GslbSettings>) {
  const t = useStrings();
  const g = t.lab.gslb;
  const { step, until } = lookupSpacing(params.lookupsAtSeconds);
  // Every N seconds until M makes M / N + 1 lookups. More than MAX_GSLB_LOOKUPS are kept as typed
  // and refused with a message (the settings schema), rather than quietly cut short.
  return (
    <div className="lab-form">
      <NumberField
        label={g.ttl}
        unit={t.lab.dns.secondsUnit}
        value={params.ttl}
        {...NUMBER_RANGES.gslbTtl}
        onChange={(ttl) => change({ ...params, ttl }, 'typing')}
      />
      <NumberField
        label={g.interval}
        unit={t.lab.dns.secondsUnit}
        value={params.healthCheck.intervalSeconds}
        {...NUMBER_RANGES.gslbInterval}
        onChange={(intervalSeconds) =>
          change({ ...params, healthCheck: { ...params.healthCheck, intervalSeconds } }, 'typing')
        }
      />
      <NumberField
        label={g.threshold}
        value={params.healthCheck.failureThreshold}
        {...NUMBER_RANGES.gslbThreshold}
        onChange={(failureThreshold) =>
          change({ ...params, healthCheck: { ...params.healthCheck, failureThreshold } }, 'typing')
        }
      />
      <NumberField
        label={g.stopAt}
        unit={t.lab.dns.secondsUnit}
        value={params.stopPrimaryAtSeconds}
        {...NUMBER_RANGES.gslbStopAt}
        onChange={(stopPrimaryAtSeconds) => change({ ...params, stopPrimaryAtSeconds }, 'typing')}
      />
      <NumberField
        label={g.lookupEvery}
        unit={t.lab.dns.secondsUnit}
        value={step}
        {...NUMBER_RANGES.gslbEvery}
        onChange={(s) => change({ ...params, lookupsAtSeconds: lookupTimes(s, until) }, 'typing')}
      />
      <NumberField
        label={g.lookupUntil}
        unit={t.lab.dns.secondsUnit}
        value={until}
        {...NUMBER_RANGES.gslbUntil}
        onChange={(u) => change({ ...params, lookupsAtSeconds: lookupTimes(step, u) }, 'typing')}
      />
    </div>
  );
}

function GslbOutcomeView({ outcome }: OutcomeProps<GslbOutcome>) {
  const t = useStrings();
  const g = t.lab.gslb;
  const layerName = useLayerName();
  const o = outcome;
  const at = (s: number | null) => (s === null ? g.never : format(t.lab.dns.atSeconds, { s }));
  const lag =
    o.authoritativeSwitchedAtSeconds !== null && o.browserSwitchedAtSeconds !== null
      ? o.browserSwitchedAtSeconds - o.authoritativeSwitchedAtSeconds
      : null;
  return (
    <>
      <Facts
        rows={[
          [g.primary, o.primary],
          [g.secondary, o.secondary],
          [g.stopped, at(o.stoppedAtSeconds)],
          [g.unhealthy, at(o.unhealthyAtSeconds)],
          [g.authoritativeSwitched, at(o.authoritativeSwitchedAtSeconds)],
          [g.browserSwitched, at(o.browserSwitchedAtSeconds)],
        ]}
      />
      {lag !== null && lag > 0 && <p className="verdict neutral">{format(g.lag, { s: lag })}</p>}
      <ScrollBox label={g.tableCaption}>
        <table className="lab-table gslb-table">
          <caption className="visually-hidden">{g.tableCaption}</caption>
          <thead>
            <tr>
              <th scope="col">{t.lab.dns.when}</th>
              <th scope="col">{g.authoritativeSays}</th>
              <th scope="col">{g.browserGets}</th>
              <th scope="col">{g.page}</th>
            </tr>
          </thead>
          <tbody>
            {o.lookups.map((l) => (
              <tr key={l.atSeconds} className={l.pageLoads ? undefined : 'broken'}>
                <th scope="row">{format(t.lab.dns.atSeconds, { s: l.atSeconds })}</th>
                <td>{l.authoritativeAnswer ?? '–'}</td>
                <td className={l.pageLoads ? undefined : 'old-address'}>
                  {l.browserGot ?? '–'}{' '}
                  <span className="detail">
                    {l.ttl === null
                      ? layerName(l.answeredBy)
                      : format(g.gotFrom, { layer: layerName(l.answeredBy), ttl: l.ttl })}
                  </span>
                </td>
                <td>{l.pageLoads ? g.loads : g.fails}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
    </>
  );
}

export const gslbParts: LabParts<GslbSettings, GslbOutcome> = {
  Editor: GslbEditor,
  Outcome: GslbOutcomeView,
};
