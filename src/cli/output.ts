/** Writing to stdout/stderr, kept in one place so commands stay testable. */
export function out(line = ''): void {
  process.stdout.write(`${line}\n`);
}

export function err(line: string): void {
  process.stderr.write(`${line}\n`);
}
