import { useMemo, useState } from 'react';
import { useStrings } from '../hooks';
import { displayName, format } from '../i18n';
import { keySchedulesAt, type KeySchedule, type KnownSecret } from '../model/keys';
import { opensslCommand } from '../model/openssl-commands';
import type { TraceView } from '../../store/trace-view';
import { toHex } from './hex';

const SPLIT_COLORS = ['split-a', 'split-b', 'split-c', 'split-d'];

/**
 * The key schedule known at this step, from the trace's `secret` events. A trace with both TLS 1.2
 * and TLS 1.3 (the side-by-side scenario) gets the two schedules next to each other, each under
 * its version, so the single PRF step of 1.2 stands against 1.3's chain of HKDF stages.
 */
export function KeysTab({ view, step }: { view: TraceView; step: number }) {
  const t = useStrings();
  const schedules = useMemo(() => keySchedulesAt(view, step), [view, step]);
  const compared = schedules.length > 1;
  return (
    <div className="keys-tab">
      <p className="hint">{t.ui.keysIntro}</p>
      {compared && <p>{t.ui.keysCompare}</p>}
      <div className={compared ? 'key-schedules compared' : 'key-schedules'}>
        {schedules.map((schedule) => (
          <ScheduleList
            key={schedule.version}
            schedule={schedule}
            heading={
              compared || schedule.version === '1.3'
                ? format(t.ui.keysVersion, { version: schedule.version })
                : undefined
            }
          />
        ))}
      </div>
    </div>
  );
}

function ScheduleList({ schedule, heading }: { schedule: KeySchedule; heading?: string }) {
  const t = useStrings();
  return (
    <section aria-label={heading}>
      {heading && <h3 className="key-schedule-heading">{heading}</h3>}
      {schedule.known.length === 0 && <p className="empty">{t.ui.keysNone}</p>}
      <ol className="key-list">
        {schedule.known.map((k) => (
          <li key={k.name} className="key-card">
            <h3>{t.secretTitles[k.name] ?? k.name}</h3>
            <p className="key-known">
              {format(t.ui.keysKnownBy, {
                lanes: k.lanes.map((l) => displayName(t, l)).join(', '),
              })}
            </p>
            <p>{t.secrets[k.explain] ?? k.explain}</p>
            {k.name === 'key_block' && schedule.split.length > 0 ? (
              <div className="key-split" role="group" aria-label={t.ui.keysSplit}>
                {schedule.split.map((part, i) => (
                  <div
                    key={part.name}
                    className={`split-part ${SPLIT_COLORS[i]}`}
                    style={{ flexGrow: part.length }}
                  >
                    <span className="split-name">{part.name}</span>
                    <code>{toHex(k.value.subarray(part.offset, part.offset + part.length))}</code>
                  </div>
                ))}
              </div>
            ) : (
              <code className="key-value">{toHex(k.value)}</code>
            )}
            <SecretCommandBox secret={k} />
            <details className="key-inputs">
              <summary>{t.ui.keysInputs}</summary>
              <dl>
                {k.inputs.map((input) => (
                  <div key={input.name}>
                    <dt>{input.name}</dt>
                    <dd>
                      <code>
                        {typeof input.value === 'string' ? `“${input.value}”` : toHex(input.value)}
                      </code>
                    </dd>
                  </div>
                ))}
              </dl>
            </details>
          </li>
        ))}
        {schedule.pending.map((name) => (
          <li key={name} className="key-card pending">
            <h3>{t.secretTitles[name] ?? name}</h3>
            <p className="key-known">{t.ui.keysPending}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The OpenSSL 3 command that recomputes this secret from the bytes shown, with a copy button. */
function SecretCommandBox({ secret }: { secret: KnownSecret }) {
  const t = useStrings();
  const [copied, setCopied] = useState(false);
  const cmd = useMemo(() => opensslCommand(secret), [secret]);
  if (!cmd) return null;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(cmd.command);
      setCopied(true);
    } catch {
      // Clipboard access can be refused: the command is selectable text all the same.
      setCopied(false);
    }
  };
  return (
    <div className="key-command">
      <div className="key-command-head">
        <h4>{t.ui.keysCommand}</h4>
        <button type="button" className="button small" onClick={() => void copy()}>
          {copied ? t.ui.keysCommandCopied : t.ui.keysCommandCopy}
        </button>
      </div>
      <pre tabIndex={0} aria-label={t.ui.keysCommand}>
        <code>{cmd.command}</code>
      </pre>
      <p className="hint">
        {cmd.output === 'hex' ? t.ui.keysCommandHex : t.ui.keysCommandColonHex}
      </p>
    </div>
  );
}
