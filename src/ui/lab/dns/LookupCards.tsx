/**
 * Lookups in a row as cards: when, what came back and from which layer, and a bar per cache layer
 * with the seconds it had left on the answer when the browser asked, so the TTLs can be watched
 * counting down (and a layer emptying) from one lookup to the next.
 */
import type { CacheTtls, LookupReport } from '../../../engine/scenarios/lab/dns';
import { useStrings } from '../../hooks';
import { format } from '../../i18n';
import { seconds, useLayerName } from './LookupTable';

type Layer = 'browser' | 'os' | 'recursive';
const LAYERS: readonly { key: Layer; lane: string }[] = [
  { key: 'browser', lane: 'Browser' },
  { key: 'os', lane: 'OS resolver' },
  { key: 'recursive', lane: 'Recursive resolver' },
];

function TtlBars({
  caches,
  longest,
  answeredBy,
}: {
  caches: CacheTtls;
  longest: Record<Layer, number>;
  answeredBy?: string;
}) {
  const t = useStrings();
  const d = t.lab.dns;
  const names: Record<Layer, string> = {
    browser: d.ttlBrowser,
    os: d.ttlOs,
    recursive: d.ttlRecursive,
  };
  return (
    <dl className="ttl-bars">
      {LAYERS.map(({ key, lane }) => {
        const ttl = caches[key];
        const share = ttl === null ? 0 : Math.max(0.04, ttl / Math.max(1, longest[key]));
        return (
          <div key={key} className={answeredBy === lane ? 'answered' : undefined}>
            <dt>{names[key]}</dt>
            <dd>
              <span className="bar" aria-hidden="true">
                <span style={{ width: `${Math.round(share * 100)}%` }} />
              </span>
              <span className="ttl-value">
                {ttl === null ? d.notCached : format(t.ui.cacheTtlValue, { ttl })}
              </span>
            </dd>
          </div>
        );
      })}
      {caches.delegations.length > 0 && (
        <div className="delegations">
          <dt>{d.ttlDelegations}</dt>
          <dd>
            {caches.delegations
              .map((z) =>
                z.ttl === null
                  ? `${z.zone} ${d.notCached}`
                  : `${z.zone} ${format(t.ui.cacheTtlValue, { ttl: z.ttl })}`,
              )
              .join(' · ')}
          </dd>
        </div>
      )}
    </dl>
  );
}

export function LookupCards({ lookups }: { lookups: readonly LookupReport[] }) {
  const t = useStrings();
  const d = t.lab.dns;
  const layerName = useLayerName();
  const longest = { browser: 1, os: 1, recursive: 1 };
  for (const l of lookups)
    for (const { key } of LAYERS)
      for (const c of [l.cachesBefore, l.caches])
        longest[key] = Math.max(longest[key], c[key] ?? 0);
  const last = lookups.at(-1);
  return (
    <ol className="lookup-cards" aria-label={d.lookupsCaption}>
      {lookups.map((l, i) => (
        <li key={i}>
          <p className="card-head">
            <strong>{format(d.lookupN, { n: i + 1 })}</strong>{' '}
            <span className="muted">{format(d.atSeconds, { s: seconds(l.startedAtMs) })}</span>
          </p>
          <p className="card-answer">
            {l.name} {l.type} → {l.result === 'nodata' ? 'NODATA' : l.rcode}{' '}
            {l.addresses.join(', ')}
          </p>
          <p className="card-layer">
            {format(d.answeredFrom, { layer: layerName(l.answeredBy), n: l.messages })}
          </p>
          <TtlBars caches={l.cachesBefore} longest={longest} answeredBy={l.answeredBy} />
        </li>
      ))}
      {last && (
        <li className="after">
          <p className="card-head">
            <strong>{format(d.afterLast, { s: seconds(last.finishedAtMs) })}</strong>
          </p>
          <TtlBars caches={last.caches} longest={longest} />
        </li>
      )}
    </ol>
  );
}
