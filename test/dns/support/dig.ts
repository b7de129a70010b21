/**
 * `dig` as the test's DNS client, with its output parsed: the status, the header flags and the
 * records of each section, each record normalised to single spaces
 * ("www.example.com. 300 IN A 192.0.2.80").
 */
import { execFile } from 'node:child_process';

/** dig waits this long per try; every peer in these tests is on loopback. */
const DIG_TIME_S = 2;

export interface DigResult {
  /** The raw output. */
  text: string;
  status: string | undefined;
  flags: string[];
  answer: string[];
  authority: string[];
  additional: string[];
}

/** Runs `dig @server -p port ARGS… +time=2 +tries=1` and returns its stdout. */
export function dig(server: string, port: number, args: readonly string[]): Promise<string> {
  const argv = [`@${server}`, '-p', String(port), `+time=${DIG_TIME_S}`, '+tries=1', ...args];
  return new Promise((resolve, reject) => {
    execFile('dig', argv, { timeout: 15_000 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`dig ${argv.join(' ')} failed: ${error.message}\n${stderr}`));
      else resolve(stdout);
    });
  });
}

/**
 * dig with `+noall +answer +authority +additional +comments`, parsed. After a truncated UDP answer
 * and the TCP retry, dig prints both; the parse keeps the last response.
 */
export async function digParsed(
  server: string,
  port: number,
  args: readonly string[],
): Promise<DigResult> {
  const text = await dig(server, port, [
    '+noall',
    '+answer',
    '+authority',
    '+additional',
    '+comments',
    ...args,
  ]);
  return parseDig(text);
}

export function parseDig(text: string): DigResult {
  const lastHeader = text.lastIndexOf(';; ->>HEADER<<-');
  const body = lastHeader >= 0 ? text.slice(lastHeader) : text;
  const result: DigResult = {
    text,
    status: /status: ([A-Z0-9]+)/.exec(body)?.[1],
    flags: /;; flags:([a-z ]*);/.exec(body)?.[1]?.trim().split(/\s+/).filter(Boolean) ?? [],
    answer: [],
    authority: [],
    additional: [],
  };
  let section: 'answer' | 'authority' | 'additional' | undefined;
  for (const line of body.split('\n')) {
    const heading = /^;; (ANSWER|AUTHORITY|ADDITIONAL) SECTION:/.exec(line);
    if (heading) {
      section = heading[1]!.toLowerCase() as typeof section;
    } else if (line.startsWith(';') || line.trim() === '') {
      if (line.trim() === '') section = undefined;
    } else if (section) {
      result[section].push(line.trim().split(/\s+/).join(' '));
    }
  }
  return result;
}
