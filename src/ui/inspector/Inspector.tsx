/**
 * The inspector: the landmark region named "Inspector". It shows the message picked on the
 * diagram, or the current one while playing, in five views: Bytes, Fields, Explain, and Keys
 * (TLS) or Caches (DNS).
 */
import { useShallow } from 'zustand/react/shallow';
import type { InspectorTab } from '../../store/slices/selection';
import {
  selectInspected,
  selectPlaying,
  selectSelectionActions,
  selectTab,
  selectView,
  useStore,
  type Store,
} from '../../store/store';
import { useMediaQuery, useStrings } from '../hooks';
import { displayName, format } from '../i18n';
import { readableTime } from '../i18n/duration';
import { Suspense } from 'react';
import { ExplainTab } from './ExplainTab';
import { BytesTab, CachesTab, FieldsTab, KeysTab } from '../lazy';
import { Tabs } from './Tabs';
import { Icon } from '../Icon';
import { messageTitle } from '../i18n/message-title';

/** From this width Fields and Bytes show side by side (app.css widens the inspector to match). */
const SIDE_BY_SIDE_QUERY = '(min-width: 1600px)';
const selectInLab = (s: Store) => s.settings.kind === 'lab';

export function Inspector() {
  const t = useStrings();
  const view = useStore(selectView);
  const step = useStore(selectInspected);
  const playing = useStore(selectPlaying);
  const tab = useStore(selectTab);
  const { setTab } = useStore(useShallow(selectSelectionActions));
  const message = view?.messages[step];

  const hasDns = view?.protocol === 'dns' || view?.protocol === 'mixed';
  const hasTls = view?.protocol === 'tls' || view?.protocol === 'mixed';
  const tabs: { id: InspectorTab; label: string }[] = [
    { id: 'explain', label: t.ui.tabExplain },
    { id: 'fields', label: t.ui.tabFields },
    { id: 'bytes', label: t.ui.tabBytes },
    ...(hasTls ? [{ id: 'keys' as const, label: t.ui.tabKeys }] : []),
    ...(hasDns ? [{ id: 'caches' as const, label: t.ui.tabCaches }] : []),
  ];
  const active = tabs.some((x) => x.id === tab) ? tab : 'explain';
  // A wide screen outside the lab (whose panel takes a column of its own) has room for both.
  const wide = useMediaQuery(SIDE_BY_SIDE_QUERY);
  const inLab = useStore(selectInLab);
  const sideBySide = wide && !inLab;

  return (
    <aside className="inspector" aria-label={t.ui.inspector}>
      {!view || !message ? (
        <p className="inspector-empty">{t.ui.inspectorEmpty}</p>
      ) : (
        <>
          <div className="inspector-head">
            <h2 className="inspector-title">
              {message.encrypted && (
                <span className="lock-badge" title={t.ui.encryptedBadge}>
                  <Icon name="lock" size={18} />
                </span>
              )}
              <span className="inspector-name">{messageTitle(t, message)}</span>
            </h2>
            <p className="inspector-meta">
              <span>
                {format(t.ui.fromTo, {
                  from: displayName(t, message.from),
                  to: displayName(t, message.to),
                })}
              </span>
              <span>
                {format(t.ui.atTime, { time: readableTime(t.units, message.t - view.t0) })}
              </span>
              <span>{format(t.ui.sizeBytes, { count: message.bytes.length })}</span>
              <span className={`badge ${message.encrypted ? 'enc' : ''}`}>
                {message.encrypted ? t.ui.encryptedBadge : t.ui.plaintextBadge}
              </span>
              {playing && <span className="badge live">{t.ui.followingPlayback}</span>}
            </p>
          </div>
          <Tabs tabs={tabs} active={active} onChange={setTab} label={t.ui.inspectorTabs}>
            {active === 'explain' && <ExplainTab view={view} step={step} />}
            <Suspense fallback={null}>
              {sideBySide && (active === 'fields' || active === 'bytes') ? (
                // Wireshark's layout: the field tree beside the bytes it covers.
                <div className="fields-bytes">
                  <FieldsTab message={message} />
                  <BytesTab message={message} />
                </div>
              ) : (
                <>
                  {active === 'fields' && <FieldsTab message={message} />}
                  {active === 'bytes' && <BytesTab message={message} />}
                </>
              )}
              {active === 'keys' && <KeysTab view={view} step={step} />}
              {active === 'caches' && <CachesTab view={view} step={step} />}
            </Suspense>
          </Tabs>
        </>
      )}
    </aside>
  );
}
