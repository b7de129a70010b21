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
import { useLayerName } from './LookupTable';
// The same bounds a shared link's settings are checked against.
import { MAX_GSLB_LOOKUPS as MAX_LOOKUPS } from '../../../engine/scenarios/lab/dns/settings-schema';

function GslbEditor({ params, change }: EditorProps<GslbSettings>) {
  const t = useStrings();
  const g = t.lab.gslb;
  const { step, until } = lookupSpacing(params.lookupsAtSeconds);
  const times = (s: number, u: number) => lookupTimes(s, Math.min(u, s * (MAX_LOOKUPS - 1)));
  return (
    <div className="lab-form">
      <NumberField
        label={g.ttl}
        unit={t.lab.dns.secondsUnit}
        value={params.ttl}
        min={1}
        max={86_400}
        onChange={(ttl) => change({ ...params, ttl }, 'typing')}
      />
      <NumberField
        label={g.interval}
        unit={t.lab.dns.secondsUnit}
        value={params.healthCheck.intervalSeconds}
        min={1}
        max={600}
        onChange={(intervalSeconds) =>
          change({ ...params, healthCheck: { ...params.healthCheck, intervalSeconds } }, 'typing')
        }
      />
      <NumberField
        label={g.threshold}
        value={params.healthCheck.failureThreshold}
        min={1}
        max={10}
        onChange={(failureThreshold) =>
          change({ ...params, healthCheck: { ...params.healthCheck, failureThreshold } }, 'typing')
        }
      />
      <NumberField
        label={g.stopAt}
        unit={t.lab.dns.secondsUnit}
        value={params.stopPrimaryAtSeconds}
        min={0}
        max={3_600}
        onChange={(stopPrimaryAtSeconds) => change({ ...params, stopPrimaryAtSeconds }, 'typing')}
      />
      <NumberField
        label={g.lookupEvery}
        unit={t.lab.dns.secondsUnit}
        value={step}
        min={5}
        max={600}
        onChange={(s) => change({ ...params, lookupsAtSeconds: times(s, until) }, 'typing')}
      />
      <NumberField
        label={g.lookupUntil}
        unit={t.lab.dns.secondsUnit}
        value={until}
        min={0}
        max={3_600}
        onChange={(u) => change({ ...params, lookupsAtSeconds: times(step, u) }, 'typing')}
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
