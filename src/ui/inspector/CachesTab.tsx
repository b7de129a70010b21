import { useMemo } from 'react';
import { useStrings } from '../hooks';
import { displayName, format } from '../i18n';
import { readableTime } from '../i18n/duration';
import { cachesAt } from '../model/caches';
import type { TraceView } from '../../store/trace-view';

/** Every cache layer at this step, replayed from the trace's `cache` events. */
export function CachesTab({ view, step }: { view: TraceView; step: number }) {
  const t = useStrings();
  const layers = useMemo(() => cachesAt(view, step), [view, step]);
  return (
    <div className="caches-tab">
      <p className="hint">{t.ui.cachesIntro}</p>
      {layers.length === 0 && <p className="empty">{t.ui.cachesNone}</p>}
      {layers.map((layer) => (
        <section
          key={`${layer.lane}/${layer.cache}`}
          className="cache-layer"
          aria-label={`${displayName(t, layer.lane)} ${displayName(t, layer.cache)}`}
        >
          <h3>
            {displayName(t, layer.lane)}{' '}
            <span className="cache-name">{displayName(t, layer.cache)}</span>
          </h3>
          <p className="cache-stats">
            {format(t.ui.cacheStats, { hits: layer.hits, misses: layer.misses })}
          </p>
          {layer.rows.length === 0 ? (
            <p className="empty">{t.ui.cacheEmpty}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t.ui.cacheKey}</th>
                  <th scope="col">{t.ui.cacheValue}</th>
                  <th scope="col" className="num">
                    {t.ui.cacheTtl}
                  </th>
                </tr>
              </thead>
              <tbody>
                {layer.rows.map((row) => (
                  <tr key={row.key}>
                    <td>
                      <code>{row.key}</code>
                    </td>
                    <td>{row.value ?? ''}</td>
                    <td className={row.expired ? 'num expired' : 'num'}>
                      {row.expired
                        ? t.cacheMarks.expiredEntry
                        : row.ttlLeft !== undefined
                          ? format(t.cacheMarks.ttlLeft, {
                              ttl: readableTime(t.units, row.ttlLeft * 1000),
                            })
                          : ''}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ))}
    </div>
  );
}
