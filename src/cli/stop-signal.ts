/**
 * Resolves on the first SIGINT or SIGTERM. The handlers are installed when this is called, so a
 * server calls it before it announces that it is listening: a service manager (or a test) may
 * signal the moment it reads that line.
 */
export function untilStopSignal(): Promise<void> {
  return new Promise<void>((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
