/**
 * Golden resolver traces for the demo universe, one file per scenario under test/golden/dns/.
 * Regenerate with UPDATE_GOLDEN=1 after an intended change, and read the diff.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO_EPOCH_MS } from '../sim/clock';
import { runDnsLookup, type DnsLookupOptions, type ResolverState } from './lookup';
import { formatRecord } from './present';
import type { ResolveResult } from './resolver';
import { formatDnsTrace } from './tracetext';

const GOLDEN_DIR = join(process.cwd(), 'test/golden/dns');
const update = process.env.UPDATE_GOLDEN === '1';

interface Step {
  title: string;
  name: string;
  type?: string;
  /** Seconds after the end of the previous step (or after DEMO_EPOCH_MS for the first). */
  after?: number;
  options?: Partial<DnsLookupOptions>;
}

function summary(result: ResolveResult): string {
  switch (result.kind) {
    case 'answer':
      return `answer: ${result.records.map(formatRecord).join(' | ')}`;
    case 'nodata':
    case 'nxdomain':
      return `${result.kind}: ${[...result.chain, ...(result.soa ? [result.soa] : [])].map(formatRecord).join(' | ')}`;
    case 'servfail':
      return `servfail: ${result.reason}`;
  }
}

async function runSteps(steps: Step[]): Promise<{ text: string; results: ResolveResult[] }> {
  let state: ResolverState | undefined;
  let text = '';
  const results: ResolveResult[] = [];
  for (const step of steps) {
    const at = (state?.now ?? DEMO_EPOCH_MS) + (step.after ?? 0) * 1000;
    const run = await runDnsLookup({
      name: step.name,
      type: step.type ?? 'A',
      seed: 7,
      at,
      ...(state ? { state } : {}),
      ...step.options,
    });
    state = run.state;
    results.push(run.result);
    text += `# ${step.title}: ${step.name} ${step.type ?? 'A'} at +${at - DEMO_EPOCH_MS} ms\n`;
    text += formatDnsTrace(run.trace, at);
    text += `= ${summary(run.result)}\n\n`;
  }
  return { text, results };
}

async function golden(file: string, steps: Step[]): Promise<ResolveResult[]> {
  const { text, results } = await runSteps(steps);
  const path = join(GOLDEN_DIR, file);
  if (update || !existsSync(path)) {
    if (!update) throw new Error(`missing golden file ${path}: run with UPDATE_GOLDEN=1`);
    mkdirSync(GOLDEN_DIR, { recursive: true });
    writeFileSync(path, text);
  }
  expect(text).toBe(readFileSync(path, 'utf8'));
  return results;
}

const messageNames = async (steps: Step[]) => {
  const { text } = await runSteps(steps);
  return text.split('\n').filter((l) => l.includes('  message  ')).length;
};

describe('golden resolver traces', () => {
  it('cold lookup: root → com → example.com', async () => {
    const [r] = await golden('cold.txt', [{ title: 'cold caches', name: 'www.example.com' }]);
    expect(r).toMatchObject({ kind: 'answer' });
  });

  it('warm lookups: answered by the nearest cache that still holds the answer', async () => {
    await golden('warm.txt', [
      { title: 'cold caches', name: 'www.example.com' },
      { title: 'again 5 s later: the browser cache', name: 'www.example.com', after: 5 },
      {
        title: '90 s later: the browser forgot (60 s), the OS resolver still knows',
        name: 'www.example.com',
        after: 90,
      },
    ]);
  });

  it('expiry: after the TTL passes on the virtual clock the query goes out again', async () => {
    await golden('expiry.txt', [
      { title: 'cold caches', name: 'www.example.com' },
      {
        title: '301 s later: every answer has expired, the delegations have not',
        name: 'www.example.com',
        after: 301,
      },
    ]);
  });

  it('NXDOMAIN, cached negatively for min(SOA TTL, MINIMUM)', async () => {
    const [r] = await golden('nxdomain.txt', [
      { title: 'a name that does not exist', name: 'nope.example.com' },
      {
        title: '10 s later: the OS resolver answers from its negative cache',
        name: 'nope.example.com',
        after: 10,
      },
      {
        title: 'another type of the same name: NXDOMAIN covers every type (RFC 2308 §5)',
        name: 'nope.example.com',
        type: 'AAAA',
        after: 1,
      },
    ]);
    expect(r).toMatchObject({ kind: 'nxdomain' });
  });

  it('a CNAME chain across three zones', async () => {
    const [r] = await golden('cname-chain.txt', [
      { title: 'www.example.org → cdn.example.net → edge.example.com', name: 'www.example.org' },
    ]);
    expect(r?.kind === 'answer' && r.records.map(formatRecord)).toEqual([
      'www.example.org. 600 IN CNAME cdn.example.net.',
      'cdn.example.net. 120 IN CNAME edge.example.com.',
      'edge.example.com. 30 IN A 203.0.113.90',
    ]);
  });

  it('a missing glue record: example.org’s servers are under net', async () => {
    await golden('missing-glue.txt', [{ title: 'glueless delegation', name: 'example.org' }]);
  });

  it('a down server: timeout, then the next server', async () => {
    await golden('down-server.txt', [
      { title: 'ns1.down.test never answers', name: 'www.down.test' },
    ]);
  });

  it('a lame delegation: REFUSED, then the next server', async () => {
    await golden('lame.txt', [
      { title: 'ns1.lame.test does not serve lame.test', name: 'www.lame.test' },
    ]);
  });

  it('out-of-bailiwick records are dropped', async () => {
    await golden('out-of-bailiwick.txt', [
      { title: 'ns1.poison.test adds records for example.com', name: 'www.poison.test' },
      { title: 'www.example.com is still looked up for real', name: 'www.example.com', after: 1 },
    ]);
  });

  it('a CNAME loop ends in SERVFAIL', async () => {
    const [r] = await golden('cname-loop.txt', [
      { title: 'www.ping.test ↔ www.pong.test', name: 'www.ping.test' },
    ]);
    expect(r).toMatchObject({ kind: 'servfail' });
  });

  it('an NS-dependency cycle ends in SERVFAIL', async () => {
    const [r] = await golden('ns-cycle.txt', [
      { title: 'cycle-a.test ↔ cycle-b.test', name: 'www.cycle-a.test' },
    ]);
    expect(r).toMatchObject({ kind: 'servfail' });
  });

  it('a SERVFAIL server ends in SERVFAIL', async () => {
    const [r] = await golden('servfail.txt', [
      { title: 'the only server of servfail.test fails', name: 'www.servfail.test' },
    ]);
    expect(r).toMatchObject({ kind: 'servfail' });
  });

  it('QNAME minimisation (RFC 9156) reveals one label at a time', async () => {
    await golden('qname-minimisation.txt', [
      {
        title: 'www.shop.example.com with QNAME minimisation',
        name: 'www.shop.example.com',
        options: { qnameMinimisation: true },
      },
    ]);
  });

  it('counts what each scenario sends', async () => {
    // Browser→OS, OS→recursive and three server round trips: ten messages.
    expect(await messageNames([{ title: '', name: 'www.example.com' }])).toBe(10);
  });
});
