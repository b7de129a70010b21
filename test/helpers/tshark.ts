/**
 * Runs tshark (Wireshark's command-line dissector) on capture files from Vitest tests, so a test
 * can assert that real Wireshark decodes what the engine produced. tshark must be on PATH
 * (/usr/bin/tshark here; CI installs it).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A display filter for packets Wireshark could not dissect cleanly: an exception during dissection
 * (`_ws.malformed`: malformed packet, reassembly error, dissector bug) or any expert item of
 * severity Error (bad checksum, invalid length, ...). Checked against tshark 4.0: the severity's
 * value string ("error") is accepted as the right-hand side.
 */
export const MALFORMED_FILTER = '_ws.malformed || _ws.expert.severity == error';

/** Makes tshark verify IPv4, TCP and UDP checksums; by default it leaves them unverified. */
export const CHECKSUM_ARGS: readonly string[] = [
  '-o',
  'ip.check_checksum:TRUE',
  '-o',
  'tcp.check_checksum:TRUE',
  '-o',
  'udp.check_checksum:TRUE',
];

export interface TsharkOptions {
  /** An NSS key log file (SSLKEYLOGFILE format) so tshark can decrypt TLS. */
  keylog?: string;
  /** Milliseconds before tshark is killed; 30 s by default. */
  timeoutMs?: number;
}

let home: string | undefined;

/**
 * A private, empty HOME for tshark: it may want to create a profile directory, and personal
 * preferences in the real HOME must not change what tests see.
 */
function tsharkHome(): string {
  home ??= mkdtempSync(join(tmpdir(), 'wirestep-tshark-home-'));
  return home;
}

/**
 * Runs `tshark -r FILE [-o tls.keylog_file:KEYLOG] ARGS...` and returns its stdout. stderr is
 * ignored unless tshark fails: as root it always prints a "Running as user root" warning there.
 */
export function tshark(
  file: string,
  args: readonly string[],
  opts: TsharkOptions = {},
): Promise<string> {
  const argv = ['-r', file];
  if (opts.keylog !== undefined) argv.push('-o', `tls.keylog_file:${opts.keylog}`);
  argv.push(...args);
  return new Promise((resolve, reject) => {
    execFile(
      'tshark',
      argv,
      {
        timeout: opts.timeoutMs ?? 30_000,
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, HOME: tsharkHome(), LC_ALL: 'C' },
      },
      (error, stdout, stderr) => {
        if (error) {
          const why = stderr
            .split('\n')
            .filter((l) => l.trim() !== '' && !/Running as user/.test(l));
          reject(new Error(`tshark ${argv.join(' ')} failed: ${error.message}\n${why.join('\n')}`));
        } else {
          resolve(stdout);
        }
      },
    );
  });
}

/**
 * The values of `fields` for each packet matching `filter` (all packets if omitted): one row per
 * packet, one string per field. A field with several occurrences comes back comma-separated;
 * an absent field is ''.
 */
export async function tsharkFields(
  file: string,
  fields: readonly string[],
  opts: TsharkOptions & { filter?: string; extraArgs?: readonly string[] } = {},
): Promise<string[][]> {
  const args = [...(opts.extraArgs ?? [])];
  // -2: two passes, so reassembled PDUs and TCP analysis are final when fields are printed.
  args.push('-2', '-T', 'fields', '-E', 'separator=\t', '-E', 'occurrence=a', '-E', 'aggregator=,');
  if (opts.filter !== undefined) args.push('-Y', opts.filter);
  for (const f of fields) args.push('-e', f);
  const out = await tshark(file, args, opts);
  return out
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => line.split('\t'));
}

/** The full packet details (`-V`) of every packet matching `filter`, as tshark prints them. */
export function tsharkVerbose(
  file: string,
  opts: TsharkOptions & { filter?: string; extraArgs?: readonly string[] } = {},
): Promise<string> {
  const args = [...(opts.extraArgs ?? []), '-2', '-V'];
  if (opts.filter !== undefined) args.push('-Y', opts.filter);
  return tshark(file, args, opts);
}

/** How many packets match `filter`. */
export async function tsharkCount(
  file: string,
  filter: string,
  opts: TsharkOptions & { extraArgs?: readonly string[] } = {},
): Promise<number> {
  const rows = await tsharkFields(file, ['frame.number'], { ...opts, filter });
  return rows.length;
}

/**
 * How many packets tshark finds malformed or flags with an error-level expert item
 * (MALFORMED_FILTER). Pass CHECKSUM_ARGS in `extraArgs` to count bad checksums too, and
 * `-o tls.keylog_file:...` (or use `opts.keylog`) to check decrypted TLS as well.
 */
export function tsharkMalformedCount(
  file: string,
  extraArgs: readonly string[] = [],
  opts: TsharkOptions = {},
): Promise<number> {
  return tsharkCount(file, MALFORMED_FILTER, { ...opts, extraArgs });
}

/** Writes `bytes` to a new file in a fresh temporary directory and returns its path. */
export function writeTempFile(name: string, bytes: Uint8Array | string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'wirestep-')), name);
  writeFileSync(path, bytes);
  return path;
}
