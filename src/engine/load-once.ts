/**
 * A dynamic import() made once, its promise kept for every later call. import() of a module that
 * is already loaded is not free: it goes through the module loader again, about 0.1 ms in Node
 * and about 1 ms under a loader hook such as tsx's (the CLI and `npm run bench` run under it),
 * which a handshake that loads on demand would pay for every message. A failed load is not kept,
 * so the next call tries again.
 */
export function loadOnce<T>(load: () => Promise<T>): () => Promise<T> {
  let loading: Promise<T> | undefined;
  return () => {
    if (!loading) {
      loading = load();
      loading.catch(() => (loading = undefined));
    }
    return loading;
  };
}
