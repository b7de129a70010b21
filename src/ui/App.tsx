import { useEffect } from 'react';
import { selectError, selectSeed, selectStatus, selectTrace, useStore } from '../store/store';
import { MessageList } from './MessageList';

export function App() {
  const trace = useStore(selectTrace);
  const status = useStore(selectStatus);
  const error = useStore(selectError);
  const seed = useStore(selectSeed);
  const run = useStore((s) => s.run);

  useEffect(() => {
    void run();
  }, [run]);

  return (
    <div className="app">
      <header className="app-header">
        <h1>Wirestep</h1>
        <p>A real TLS 1.2 handshake, computed live in your browser (seed {seed}).</p>
      </header>
      <main>
        {status === 'running' && <p role="status">Running the handshake…</p>}
        {error && <p role="alert" className="error">{error}</p>}
        {trace && <MessageList trace={trace} />}
      </main>
    </div>
  );
}
