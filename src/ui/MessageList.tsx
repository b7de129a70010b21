import type { MessageEvent, Trace } from '../engine/trace';

/** The handshake as a plain list of messages: who sent what, when, and how many bytes. */
export function MessageList({ trace }: { trace: Trace }) {
  const messages = trace.events.filter((e): e is MessageEvent => e.kind === 'message');
  const start = messages[0]?.t ?? 0;
  return (
    <ol className="message-list" aria-label="Messages">
      {messages.map((m, i) => (
        <li key={i} tabIndex={0} aria-label={`${m.name}, ${m.from} to ${m.to}, ${m.bytes.length} bytes${m.encrypted ? ', encrypted' : ''}`} className={m.encrypted ? 'encrypted' : ''}>
          <span className="time">{(m.t - start).toFixed(0)} ms</span>
          <span className="direction">
            {m.from} → {m.to}
          </span>
          <span className="name">{m.name}</span>
          <span className="size">{m.bytes.length} bytes</span>
        </li>
      ))}
    </ol>
  );
}
