/**
 * Taking a capture of real traffic on loopback with dumpcap (needs root or the capture
 * capabilities, as CI has), and running a tool to completion.
 */
import { execFile } from 'node:child_process';
import { startChild } from '../tls/support/peers';

export function run(command: string, args: readonly string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { timeout: 30_000, maxBuffer: 64 << 20 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} ${args.join(' ')}: ${error.message}\n${stderr}`));
      else resolve(stdout);
    });
  });
}

/** dumpcap on `iface` with a capture filter while `traffic` runs; returns the file's path. */
export async function capture(
  path: string,
  iface: string,
  filter: string,
  traffic: () => Promise<void>,
  format: 'pcap' | 'pcapng' = 'pcapng',
): Promise<string> {
  const args = ['-i', iface, '-f', filter, '-w', path];
  if (format === 'pcap') args.push('-P');
  const dumpcap = startChild('dumpcap', args);
  // dumpcap prints "Capturing on" before it opens the interface; "File:" comes once the
  // interface is open and the file's header is written, so no early packet is missed.
  await dumpcap.waitFor(/^File: /m, 'dumpcap to open the interface and its file');
  try {
    await traffic();
    // Lets the last FIN and ACK segments reach dumpcap's ring before it stops; not an assertion.
    await new Promise((r) => setTimeout(r, 500));
  } finally {
    await dumpcap.stop();
  }
  return path;
}
