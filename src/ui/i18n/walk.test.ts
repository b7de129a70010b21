/**
 * The language walk: every scenario of the catalog and every preset of the lab, run as the app
 * runs them, with every text a user would see for the Trace rendered in each language through the
 * functions the page uses (the Explain tab's lines, message explanations, rcode and alert meanings,
 * secret explanations, field explanations and the Fields tree's values, the status line). It fails on a key missing from a
 * language's own table and on an English sentence left on the Korean screen.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { SCENARIOS, type ScenarioSettings } from '../../engine/scenarios/catalog';
import { runScenario, type RunOutcome } from '../../engine/scenarios/run-scenario';
import { flattenSpans, isPhrase, type Span } from '../../engine/bytes/span';
import { phraseKeys } from '../../i18n/span-value';
import { fieldValueText } from './field-value';
import { indexTrace } from '../../store/trace-view';
import { eventLine } from '../inspector/event-text';
import { codeMeaning, messageExplanation } from '../inspector/ExplainTab';
import { runStatusText } from '../run-status-text';
import { messageTitle } from './message-title';
import { en as enFirstLoad, type Strings } from './en';
import { enDns } from './en-dns';
import { enKeys } from './en-keys';
import { enTls } from './en-tls';
import { enTls13 } from './en-tls13';
import { enFields } from './en-fields';
import { enReport } from './en-report';
import { enLab } from './en-lab';
import { ko } from './ko';
import { wholeEnglish, type Language } from './index';
import { LIMIT_TEXT_EN } from '../../i18n/limits.en';
import {
  MAX_VIRTUAL_TIME_MS,
  checkConfigList,
  checkPastedHex,
  checkTraceFileSize,
  checkZoneRecordCount,
  type LimitCheck,
} from '../../engine/limits';
import { labParams, loadLabScenario } from '../../engine/scenarios/lab-registry';
import { labSettingsProblem, type SettingsProblem } from '../../engine/scenarios/lab-settings';
import { settingsProblems } from '../../engine/scenarios/settings-problem';
import { limitText } from '../../i18n/limits.en';
import { problemText } from '../error-text';

/** The whole English table: what the page has once every part of it has loaded. */
const en = wholeEnglish(enFirstLoad, enLab, enDns, enKeys, enTls, enTls13, enFields, enReport);

/** The tables as written, without the page's English fallback, so a missing key shows. */
const TABLES: Readonly<Record<Language, Strings>> = { en, ko };

interface Run {
  name: string;
  outcome: RunOutcome;
}

/**
 * Runs that fail where the catalog's succeed, for the lines only a failure shows: a TLS handshake
 * to a name the demo certificate does not carry, a lookup whose every server fails.
 */
const FAILING: readonly { name: string; settings: ScenarioSettings }[] = [
  {
    name: 'failing/tls-wrong-host',
    settings: { kind: 'tls', serverName: 'wrong.example.org', suite: 'all', seed: '1' },
  },
  {
    name: 'failing/dns-servfail',
    settings: {
      kind: 'dns',
      name: 'www.servfail.test',
      type: 'A',
      seed: '1',
      lookups: [{ afterSeconds: 0 }],
    },
  },
];

/** Every scenario once per preset (once when it has none), with its catalog settings. */
function runs(): { name: string; settings: ScenarioSettings }[] {
  return [
    ...FAILING,
    ...SCENARIOS.flatMap((s) =>
      (s.presets ?? [undefined]).map((preset) => {
        const settings = structuredClone(s.settings);
        if (preset !== undefined && settings.kind === 'lab') settings.preset = preset;
        return { name: preset ? `${s.id}/${preset}` : s.id, settings };
      }),
    ),
  ];
}

function explainKeys(spans: readonly Span[], out: Set<string>): Set<string> {
  for (const s of spans) {
    if (s.explain) out.add(s.explain);
    explainKeys(s.children, out);
  }
  return out;
}

/**
 * Every text the page would show for a run, and the keys it could not find, in one language.
 * `titles` are the messages' names as the diagram and the inspector show them, with the data in
 * them (a name, a type) as "0": a few words each, so the Korean check holds them to a stricter rule
 * than sentences.
 */
function render(
  language: Language,
  run: Run,
): { texts: string[]; titles: string[]; missing: string[] } {
  const t = TABLES[language];
  const texts: string[] = [];
  const titles: string[] = [];
  const missing: string[] = [];
  const { trace, phases } = run.outcome;
  const view = indexTrace(trace, phases);
  // A lane named after its host ("Server www.example.com") shows as it is.
  for (const lane of trace.lanes)
    if (t.names[lane] === undefined && !lane.includes('.')) missing.push(`names.${lane}`);
  for (const e of trace.events) {
    if (e.kind === 'note' && t.notes[e.key] === undefined) missing.push(`notes.${e.key}`);
    if (e.kind === 'secret' && t.secrets[e.explain] === undefined)
      missing.push(`secrets.${e.explain}`);
    if (e.kind === 'alert' && t.alerts[e.description] === undefined)
      missing.push(`alerts.${e.description}`);
    const line = eventLine(t, e);
    if (line) texts.push(line.text);
    if (e.kind === 'secret' && t.secrets[e.explain]) texts.push(t.secrets[e.explain]!);
    if (e.kind === 'message') {
      if (e.label && t.notes[e.label.key] === undefined) missing.push(`notes.${e.label.key}`);
      // The parameters are data (names, types, rcodes), so each stands as "0" in what is checked.
      const label = e.label && {
        key: e.label.key,
        params: Object.fromEntries(Object.keys(e.label.params).map((k) => [k, '0'])),
      };
      titles.push(messageTitle(t, { name: e.name, label }));
      // The Fields tree's values: a phrase's keys must be in the table, its words in the language.
      for (const { span } of flattenSpans([...e.spans, ...(e.decrypted?.spans ?? [])])) {
        if (!isPhrase(span.value)) continue;
        for (const k of phraseKeys(span.value))
          if (t.spanValues[k] === undefined) missing.push(`spanValues.${k}`);
        texts.push(fieldValueText(t, span.value));
      }
      const keys = explainKeys(e.spans, new Set());
      if (e.decrypted) explainKeys(e.decrypted.spans, keys);
      for (const k of keys) {
        if (t.spans[k] === undefined) missing.push(`spans.${k}`);
        else texts.push(t.spans[k]);
      }
    }
  }
  view.messages.forEach((_, step) => {
    texts.push(messageExplanation(t, view, step));
    const meaning = codeMeaning(t, view, step);
    if (meaning) texts.push(meaning.heading, meaning.text);
  });
  const { ok, summary, summaryLine, error, errorLine } = run.outcome;
  for (const line of [errorLine, summaryLine])
    if (line && t.statusLines[line.key] === undefined) missing.push(`statusLines.${line.key}`);
  const count = view.messages.length;
  texts.push(
    runStatusText(t, {
      status: 'done',
      ok,
      summary,
      summaryLine,
      error,
      errorLine,
      count,
      title: '',
    }),
  );
  return { texts, titles, missing };
}

/**
 * Words that may stand in a Korean sentence as they are: protocol names and field names as the
 * RFCs spell them (ClientHello, server_name, NXDOMAIN), hostnames, numbers and hex. A run of three
 * or more other ASCII words is English prose.
 */
function isProtocolWord(word: string): boolean {
  return (
    /[0-9_./:@=]/.test(word) || // hostnames, addresses, hex, snake_case fields, versions
    /^[A-Z0-9-]{2,}$/.test(word) || // mnemonics: NXDOMAIN, SOA, ECDHE-RSA-AES128-GCM-SHA256
    /^[A-Z][a-z]+[A-Z]/.test(word) || // message names: ClientHello, CertificateVerify
    ALLOWED_WORDS.has(word)
  );
}

/**
 * Names of several plain words that the RFCs use as names, kept in English in the Korean tables:
 * the extension and secret of RFC 7627, the PRF labels of RFC 5246 §8.1 and §6.3, and TLS 1.3's
 * secrets and HKDF labels (RFC 8446, Section 7.1).
 */
const PROTOCOL_PHRASES =
  /\b(?:extended master secret|master secret|key expansion|(?:client|server) finished|(?:early|handshake) secret|[cs] (?:hs|ap|e) traffic|(?:res|ext) binder|e? ?exp master|res master|traffic upd)\b/gi;

/** Plain words that are names in both languages (how the RFCs and the browser write them). */
const ALLOWED_WORDS = new Set(['Alert', 'Finished', 'Certificate', 'OK', 'HTTP', 'GET']);

/**
 * The plain English words of a message's name: none may stand on the Korean screen. A name is
 * short, so one word counts.
 */
function englishWords(title: string): string[] {
  return title
    .split(/\s+/)
    .map((token) => token.replace(/^[“"'(«‘[]+|[”"')»’\],;:.!?…]+$/g, ''))
    .filter((word) => /^[A-Za-z][a-z’'-]*$/.test(word) && !isProtocolWord(word));
}

function englishRuns(text: string): string[] {
  const found: string[] = [];
  let run: string[] = [];
  const flush = () => {
    if (run.length >= 3) found.push(run.join(' '));
    run = [];
  };
  for (const token of text.replace(PROTOCOL_PHRASES, ' ').split(/\s+/)) {
    const word = token.replace(/^[“"'(«‘[]+|[”"')»’\],;:.!?…]+$/g, '');
    if (/^[A-Za-z][a-z’'-]*$/.test(word) && !isProtocolWord(word)) run.push(word);
    else flush();
  }
  flush();
  return found;
}

/** Note keys of src/engine/tls that no table has yet: none; kept so a new gap is named here. */
const KNOWN_MISSING_TLS_KEYS: readonly string[] = [];

/**
 * English that may stand on a Korean screen, each entry with its reason. The demo PKI's certificate
 * authorities are named by their certificates' common names (src/engine/tls/pki), which a
 * certificate problem quotes as data, like a hostname: a translated name would not be the name in
 * the certificate.
 */
const KNOWN_ENGLISH: readonly RegExp[] = [
  /\bWirestep Demo (?:Root|Intermediate) CA\b/g,
  /\bRogue Attacker Root CA\b/g,
];

/** A lab preset's settings with `change` made to a copy of them. */
async function labWith(id: string, preset: string, change: (p: Record<string, unknown>) => void) {
  const lab = (await loadLabScenario(id))!;
  const params = structuredClone(labParams(lab, { preset })) as Record<string, unknown>;
  change(params);
  return labSettingsProblem(id, params);
}

/**
 * Settings past each input limit, checked as the page checks them: the header's boxes and a run's
 * connections or lookups (settingsProblems), a lab editor's settings (labSettingsProblem); and the
 * limits the page's editors keep the user within or only the CLI and Import reach (list lengths,
 * pasted hex, a trace file's size, a zone's records), as the problem the page would make of them.
 */
async function limitProblems(): Promise<{ name: string; problem: SettingsProblem }[]> {
  const tls = (serverName: string, seed = '1', connections?: number): ScenarioSettings => ({
    kind: 'tls',
    serverName,
    suite: 'all',
    seed,
    ...(connections === undefined ? {} : { connections }),
  });
  const dns = (name: string, lookups = [{ afterSeconds: 0 }]): ScenarioSettings => ({
    kind: 'dns',
    name,
    type: 'A',
    seed: '1',
    lookups,
  });
  const header: [string, ScenarioSettings][] = [
    ['seed empty', tls('www.example.com', '')],
    ['seed long', tls('www.example.com', '7'.repeat(65))],
    ['seed space', tls('www.example.com', '4 2')],
    ['server name empty', tls(' ')],
    ['server name dot', tls('www.example.com.')],
    ['server name char', tls('www.exa mple.com')],
    ['server name long', tls('a'.repeat(1100))],
    ['connections', tls('www.example.com', '1', 21)],
    ['name empty', dns('')],
    ['name char', dns('www.\u0007.com')],
    ['name unusable', dns('www..example.com')],
    ['no lookups', dns('www.example.com', [])],
    ['lookups', dns('www.example.com', Array(31).fill({ afterSeconds: 0 }))],
    ['jump back', dns('www.example.com', [{ afterSeconds: -1 }])],
    ['jump far', dns('www.example.com', [{ afterSeconds: 1e9 }])],
    ['jump not a number', dns('www.example.com', [{ afterSeconds: Number.NaN }])],
  ];
  const out: { name: string; problem: SettingsProblem | undefined }[] = header.flatMap(
    ([name, settings]) =>
      Object.values(settingsProblems(settings)).map((problem) => ({ name, problem })),
  );
  const client = (p: Record<string, unknown>) => p['client'] as Record<string, unknown>;
  out.push(
    {
      name: 'no suites',
      problem: await labWith('lab-tls-negotiation', 'server-order', (p) => {
        client(p)['cipherSuites'] = [];
      }),
    },
    {
      name: 'zone lines',
      problem: await labWith('lab-dns-zone-edit', 'move-www', (p) => {
        p['text'] = '\n'.repeat(5001);
      }),
    },
    {
      name: 'GSLB address',
      problem: await labWith('lab-dns-gslb-failover', 'ttl-60', (p) => {
        p['primary'] = 'primary';
      }),
    },
    {
      name: 'URL',
      problem: await labWith('journey-visit', 'visit-again', (p) => {
        p['url'] = `https://www.example.com/${'a'.repeat(8000)}`;
      }),
    },
  );
  const direct: [string, LimitCheck][] = [
    ['pasted empty', checkPastedHex(' ')],
    ['pasted odd', checkPastedHex('abc')],
    ['pasted not hex', checkPastedHex('zz')],
    ['too many groups', checkConfigList('groups', Array(33).fill(29))],
    ['not a code', checkConfigList('signatureSchemes', [-1])],
    ['empty ALPN name', checkConfigList('alpn', [''])],
    ['pasted large', checkPastedHex('ab'.repeat(70_000))],
    ['pasted long', checkPastedHex(' '.repeat(400_000))],
    ['trace file', checkTraceFileSize(60 * 1024 * 1024)],
    ['zone records', checkZoneRecordCount(3000)],
  ];
  for (const [name, c] of direct)
    if (!c.ok)
      out.push({
        name,
        problem: { text: limitText(c.key, c.params), limit: { key: c.key, params: c.params } },
      });
  // The year 9999 is only reached from a late clock, which the header's settings never are.
  void MAX_VIRTUAL_TIME_MS;
  return out.filter((p): p is { name: string; problem: SettingsProblem } => !!p.problem);
}

describe('the language walk: input limits, in every language', () => {
  let problems: { name: string; problem: SettingsProblem }[] = [];
  beforeAll(async () => {
    problems = await limitProblems();
  }, 60_000);

  it('words every limit the page can meet by a key', () => {
    const used = new Set(problems.map((p) => p.problem.limit?.key));
    const unused = Object.keys(LIMIT_TEXT_EN).filter(
      (k) =>
        !used.has(k as never) &&
        !k.startsWith('limit.list.') && // the names of the lists, within other keys
        k !== 'limit.char_space' && // a character's name, within other keys
        k !== 'limit.jump_past_9999', // a jump from a clock near the end of 9999
    );
    expect(unused).toEqual([]);
    expect(problems.filter((p) => !p.problem.limit).map((p) => p.name)).toEqual([]);
  });

  for (const language of ['en', 'ko'] as const)
    it(`${language}: every limit's key is in the ${language} table`, () => {
      const t = TABLES[language];
      const missing = problems
        .map((p) => p.problem.limit!.key)
        .filter((k) => t.notes[k] === undefined);
      expect([...new Set(missing)]).toEqual([]);
    });

  it('en: each limit reads as the engine words it', () => {
    for (const { name, problem } of problems)
      expect(problemText(TABLES.en, problem), name).toBe(
        problemText(TABLES.en, { text: problem.text }),
      );
  });

  it('ko: no English sentence is left in a limit’s message', () => {
    const english = problems.flatMap(({ name, problem }) => {
      const text = problemText(TABLES.ko, problem);
      return englishRuns(text).map((found) => `${name}: ${found}   ⟵ ${text}`);
    });
    expect(english).toEqual([]);
  });
});

describe('the language walk: every scenario and preset, in every language', () => {
  const all: Run[] = [];
  beforeAll(async () => {
    for (const { name, settings } of runs())
      all.push({ name, outcome: await runScenario(settings) });
  }, 120_000);

  for (const language of ['en', 'ko'] as const) {
    it(`${language}: every key the runs use is in the ${language} table`, () => {
      const missing = all.flatMap((r) =>
        render(language, r)
          .missing.filter((m) => !KNOWN_MISSING_TLS_KEYS.includes(m))
          .map((m) => `${r.name}: ${m}`),
      );
      expect([...new Set(missing)]).toEqual([]);
    });
  }

  it('ko: no English sentence is left on the Korean screen', () => {
    const english: string[] = [];
    for (const r of all) {
      for (const text of render('ko', r).texts) {
        const rest = KNOWN_ENGLISH.reduce((s, re) => s.replace(re, ' '), text);
        for (const found of englishRuns(rest)) english.push(`${r.name}: ${found}   ⟵ ${text}`);
      }
    }
    expect([...new Set(english)]).toEqual([]);
  });

  it('ko: every message is named in Korean where its name is words', () => {
    const english: string[] = [];
    for (const r of all)
      for (const title of render('ko', r).titles)
        if (englishWords(title).length > 0) english.push(`${r.name}: ${title}`);
    expect([...new Set(english)]).toEqual([]);
  });

  it('walks runs that fail, and their status lines are keys', () => {
    for (const { name } of FAILING) {
      const run = all.find((r) => r.name === name)!;
      const { ok, errorLine, summaryLine } = run.outcome;
      expect(ok ? summaryLine : errorLine, name).toBeDefined();
    }
  });

  it('walks every scenario of the catalog', () => {
    const walked = all.filter((r) => !r.name.startsWith('failing/'));
    expect(new Set(walked.map((r) => r.name.split('/')[0]))).toEqual(
      new Set(SCENARIOS.map((s) => s.id)),
    );
  });
});
