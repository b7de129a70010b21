import { useId, useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { SPEEDS } from '../../store/slices/playback';
import {
  selectCursor,
  selectPlaybackActions,
  selectPlaying,
  selectSpeed,
  selectView,
  useStore,
} from '../../store/store';
import { useStrings } from '../hooks';
import { displayName, format } from '../i18n';
import { readableTime } from '../i18n/duration';
import { messageTone } from '../model/message';
import { Icon } from '../Icon';
import { messageTitle } from '../i18n/message-title';

/** Play/Pause, stepping, speed and a scrubber with a tick per message. */
export function PlaybackBar() {
  const t = useStrings();
  const view = useStore(selectView);
  const cursor = useStore(selectCursor);
  const playing = useStore(selectPlaying);
  const speed = useStore(selectSpeed);
  const a = useStore(useShallow(selectPlaybackActions));
  const speedId = useId();
  const scrubId = useId();
  const n = view?.messages.length ?? 0;
  const current = view?.messages[cursor];
  const disabled = n === 0;

  const ticks = useMemo(
    () =>
      view?.messages.map((m, i) => ({
        i,
        tone: messageTone(view, i),
        encrypted: m.encrypted,
        title: messageTitle(t, m),
      })) ?? [],
    [view, t],
  );

  return (
    <footer className="playback" aria-label={t.ui.playback}>
      <div className="transport" role="group" aria-label={t.ui.playback}>
        <button
          type="button"
          className="icon-button"
          aria-label={t.ui.first}
          title={`${t.ui.first} (Home)`}
          onClick={a.first}
          disabled={disabled || cursor === 0}
        >
          <Icon name="first" />
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={t.ui.stepBack}
          title={`${t.ui.stepBack} (←)`}
          onClick={a.stepBack}
          disabled={disabled || cursor === 0}
        >
          <Icon name="back" />
        </button>
        <button
          type="button"
          className="icon-button play"
          aria-label={playing ? t.ui.pause : t.ui.play}
          title={`${playing ? t.ui.pause : t.ui.play} (Space)`}
          onClick={a.togglePlay}
          disabled={disabled}
        >
          <Icon name={playing ? 'pause' : 'play'} />
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={t.ui.stepForward}
          title={`${t.ui.stepForward} (→)`}
          onClick={a.stepForward}
          disabled={disabled || cursor >= n - 1}
        >
          <Icon name="forward" />
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={t.ui.last}
          title={`${t.ui.last} (End)`}
          onClick={a.last}
          disabled={disabled || cursor >= n - 1}
        >
          <Icon name="last" />
        </button>
      </div>
      <label className="speed" htmlFor={speedId}>
        <span>{t.ui.speed}</span>
        <select id={speedId} value={speed} onChange={(e) => a.setSpeed(Number(e.target.value))}>
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
      </label>
      <div className="scrubber">
        <label className="visually-hidden" htmlFor={scrubId}>
          {t.ui.scrubber}
        </label>
        <input
          id={scrubId}
          type="range"
          min={0}
          max={Math.max(0, n - 1)}
          step={1}
          value={cursor}
          disabled={disabled}
          aria-valuetext={
            current
              ? format(t.ui.positionValue, {
                  n: cursor + 1,
                  total: n,
                  name: messageTitle(t, current),
                })
              : ''
          }
          onChange={(e) => a.seek(Number(e.target.value))}
        />
        <div className="ticks" aria-hidden="true">
          {ticks.map((tick) => (
            <span
              key={tick.i}
              className={`tick tone-${tick.tone}${tick.encrypted ? ' enc' : ''}${tick.i <= cursor ? ' done' : ''}${tick.i === cursor ? ' current' : ''}`}
              style={{ left: n > 1 ? `${(tick.i / (n - 1)) * 100}%` : '0%' }}
              title={tick.title}
            />
          ))}
        </div>
      </div>
      <div className="position" aria-live="off">
        {current && (
          <>
            <span className="count">{format(t.ui.position, { n: cursor + 1, total: n })}</span>
            <span className="name">{messageTitle(t, current)}</span>
            <span className="time">
              {format(t.ui.timeMs, { time: readableTime(t.units, current.t - view!.t0) })}
            </span>
          </>
        )}
      </div>
      <p className="keyboard-hint">{t.ui.keyboardHint}</p>
      {/* Each step says its new message to a screen reader, politely (after what it is saying). */}
      <p className="visually-hidden step-announcer" aria-live="polite" aria-atomic="true">
        {current
          ? format(t.ui.stepAnnounce, {
              n: cursor + 1,
              total: n,
              name: messageTitle(t, current),
              from: displayName(t, current.from),
              to: displayName(t, current.to),
            })
          : ''}
      </p>
    </footer>
  );
}
