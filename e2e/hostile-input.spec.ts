/**
 * Hostile input in every field a person can type or paste into, and in the trace file chooser:
 * over-long text past each limit (src/engine/limits.ts), markup that would run script if it were
 * ever put into the page as HTML, control characters, a right-to-left override, emoji, lone
 * surrogates, numbers that are negative, fractional, huge or not numbers at all, empty and
 * whitespace-only values, odd-length and non-hex hex. After each: a clear one-line message at the
 * field, nothing injected, no page or console error (the `watched` page fails on either), and the
 * page still works: the last good run is still on screen, and stepping and running still go.
 */
import { closeSync, mkdtempSync, openSync, readFileSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, message, messageNames, openScenario, test } from './fixtures';

test.use({ viewport: { width: 1280, height: 900 } });

/** Markup that would set window.__pwned (or open a dialog) if the page ever ran it. */
const INJECTIONS = [
  '<img src=x onerror=window.__pwned=1>',
  '"><svg onload=window.__pwned=1>',
  "'><script>window.__pwned=1</script>",
  'javascript:alert(1)',
];

const lab = (page: Page) => page.getByRole('complementary', { name: 'Lab' });
const outcome = (page: Page) => lab(page).getByRole('region', { name: 'Outcome' });
const status = (page: Page) => page.locator('.run-status');
const position = (page: Page) => page.locator('.playback .position');

/** Fails the test on any dialog (alert(1) in a payload) and records it. */
function noDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  return dialogs;
}

/** Nothing of a payload made it into the page as markup, and none of its script ran. */
async function expectNothingInjected(page: Page, dialogs: readonly string[]): Promise<void> {
  expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
  await expect(page.locator('img, iframe, object, embed, [onerror], [onload]')).toHaveCount(0);
  // The page's own scripts are all files; a payload's would be inline.
  await expect(page.locator('script:not([src])')).toHaveCount(0);
  expect(dialogs).toEqual([]);
}

/**
 * Pastes `text` into a text box as one edit, as Ctrl+V does: one input event. (fill() types a
 * multi-line text into a textarea line by line, an input event per line, which no person does and
 * which takes minutes for a 5,000-line zone file.)
 */
async function paste(field: Locator, text: string): Promise<void> {
  await field.evaluate((el, value) => {
    const proto = Object.getPrototypeOf(el) as HTMLTextAreaElement;
    Object.getOwnPropertyDescriptor(proto, 'value')!.set!.call(el, value);
    el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }, text);
}

/**
 * Gives a refused edit every chance to have run anyway: past the lab's pause after typing (450 ms,
 * useLab.ts) and two frames, by which a run started by a click shows as running; then waits for
 * any such run to end. A check of the diagram after this fails if the edit did run.
 */
async function noRunStarted(page: Page): Promise<void> {
  await page.waitForTimeout(500);
  await page.evaluate(
    () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))),
  );
  await expect(status(page)).not.toContainText('Running', { timeout: 20_000 });
}

/** Waits until the lab's last run has finished (its outcome is no longer busy). */
async function settled(page: Page): Promise<void> {
  await expect(outcome(page)).toHaveAttribute('aria-busy', 'false', { timeout: 20_000 });
}

/**
 * A valid value typed into a field reruns the scenario once typing pauses (450 ms), and a refused
 * number typed next does not call that run off: wait past the pause for it, so an outcome read
 * afterwards is not caught halfway through it.
 */
async function typedRunDone(page: Page): Promise<void> {
  await page.waitForTimeout(600);
  await settled(page);
}

/** A one-line alert is showing with this text. */
async function expectAlert(scope: Page | Locator, text: string | RegExp): Promise<void> {
  const alert = scope.getByRole('alert').filter({ hasText: text });
  await expect(alert).toBeVisible();
  const box = await alert.first().boundingBox();
  // One line, or two where the panel is narrow: never a wall of quoted input.
  expect(box!.height).toBeLessThan(80);
}

/** A number box: its value as typed, the message it describes itself with, nothing sent on. */
async function expectNumberRefused(field: Locator, range: string): Promise<void> {
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAccessibleDescription(`Enter a whole number from ${range}.`);
}

/** Hostile numbers, typed as a person could into a number box. */
async function typeHostileNumbers(
  field: Locator,
  range: string,
  outOfRange: readonly string[],
  check: () => Promise<void>,
): Promise<void> {
  for (const value of ['-5', '1e308', '99999999999', '2.5', '', ...outOfRange]) {
    await field.fill(value);
    await expectNumberRefused(field, range);
    await check();
  }
  // Letters: the box keeps none of "NaN" or "Infinity" (it reads as empty), still refused.
  for (const typed of ['NaN', 'Infinity', '--1']) {
    await field.fill('');
    await field.pressSequentially(typed);
    await expectNumberRefused(field, range);
  }
}

test('header: hostile server names and seeds are refused at the field, and the last run stays', async ({
  watched: page,
}, testInfo) => {
  const dialogs = noDialogs(page);
  await openScenario(page);
  await expect(status(page)).toContainText('15 messages');
  const before = await messageNames(page);
  const host = page.getByLabel('Hostname');
  const seed = page.getByLabel('Seed');
  const run = page.getByRole('button', { name: 'Run', exact: true });

  const unchanged = async () => {
    await run.click();
    await noRunStarted(page);
    expect(await messageNames(page)).toEqual(before);
    await expect(status(page)).toContainText('15 messages');
    await expectNothingInjected(page, dialogs);
  };

  const hostile: [string, string | RegExp][] = [
    ['x'.repeat(300), /Hostname: Not a usable name: label 'x{20}…' is 300 octets; the limit is 63/],
    [`${'a'.repeat(64)}.example.com`, /label 'a{20}…' is 64 octets; the limit is 63/],
    [
      Array.from({ length: 5 }, () => 'b'.repeat(60)).join('.'),
      /name is 306 octets on the wire; the limit is 255/,
    ],
    ['x'.repeat(1100), 'The name is 1100 characters long; a name is at most 255 octets'],
    ['www.example.com.', 'A server name is written without the trailing dot (RFC 6066 §3).'],
    ['', 'Hostname: Enter a server name, such as www.example.com.'],
    ['   ', 'Hostname: Enter a server name, such as www.example.com.'],
    [INJECTIONS[0]!, 'Hostname: Character 1 is “<”: a server name is letters, digits, hyphens'],
    [INJECTIONS[1]!, 'Character 1 is “"”'],
    [INJECTIONS[2]!, "Character 1 is “'”"],
    [INJECTIONS[3]!, 'Character 11 is “:”'],
    ['a\u0000b\u0007c', 'Character 2 is U+0000'],
    ['\u202emoc.elpmaxe', 'Character 1 is U+202E'],
    ['😀.example.com', 'Character 1 is U+1F600'],
    ['\ud800.example.com', /Character 1 is U\+(D800|FFFD)/],
    ['www.\u200bexample.com', 'Character 5 is U+200B'],
  ];
  for (const [value, expected] of hostile) {
    await host.fill(value);
    await expectAlert(page, expected);
    await expect(host).toHaveAttribute('aria-invalid', 'true');
    await unchanged();
  }
  // The suite picker runs at once: not with a refused name.
  await page.getByRole('combobox', { name: /^Cipher suite/ }).selectOption(String(0xcca8));
  await noRunStarted(page);
  expect(await messageNames(page)).toEqual(before);
  await expect(status(page)).not.toContainText('CHACHA20');
  await page.screenshot({ path: testInfo.outputPath('hostile-hostname.png') });

  // A name that is fine but not on the certificate is a lesson, not an input error: it runs.
  await host.fill('www.example.org');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await run.click();
  await expect(status(page)).toContainText('bad_certificate');
  await host.fill('www.example.com');
  await run.click();
  await expect(status(page)).toContainText('CHACHA20');
  const good = await messageNames(page);

  for (const [value, expected] of [
    ['9'.repeat(65), 'Seed: The seed is 65 characters long; the limit is 64.'],
    ['x'.repeat(100_000), 'The seed is 100000 characters long; the limit is 64.'],
    ['', 'Seed: Enter a seed, such as 42.'],
    ['4 2', 'Character 2 of the seed is a space'],
    ['42\u202e', 'Character 3 of the seed is U+202E'],
    ['😀', 'Character 1 of the seed is U+1F600'],
    ['\u0000', 'Character 1 of the seed is U+0000'],
    [INJECTIONS[0]!, 'Seed: Character 5 of the seed is a space'],
    [INJECTIONS[1]!, 'Seed: Character 7 of the seed is a space'],
  ] as [string, string | RegExp][]) {
    await seed.fill(value);
    await expectAlert(page, expected);
    await run.click();
    await noRunStarted(page);
    expect(await messageNames(page)).toEqual(good);
    await expectNothingInjected(page, dialogs);
  }
  // "New random seed" replaces a refused seed, and runs.
  await page.getByRole('button', { name: 'New random seed' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(seed).toHaveValue(/^\d{9}$/);
  await expect(status(page)).toContainText('15 messages');
  // The address bar follows the run on screen: it names the new seed once that run has started.
  await expect(page).toHaveURL(new RegExp(`seed=${await seed.inputValue()}`));

  // And the page still steps.
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(position(page)).toContainText('2 of 15');
  await expectNothingInjected(page, dialogs);
});

test('header: hostile DNS names are refused at the field, and the last lookup stays', async ({
  watched: page,
}) => {
  const dialogs = noDialogs(page);
  await openScenario(page, '?scenario=dns-cold');
  const before = await messageNames(page);
  const name = page.getByLabel('Name', { exact: true });
  for (const [value, expected] of [
    ['x'.repeat(300), /Name: Not a usable name: label 'x{20}…' is 300 octets/],
    [`${'a'.repeat(64)}.com`, /label 'a{20}…' is 64 octets; the limit is 63/],
    ['a..b', "Not a usable name: empty label at character 2 of 'a..b'."],
    ['', 'Name: Enter a name, such as www.example.com.'],
    ['   ', 'Name: Enter a name, such as www.example.com.'],
    [INJECTIONS[0]!, 'Character 5 is a space'],
    [INJECTIONS[1]!, 'Character 7 is a space'],
    ['a\u0000b', 'Character 2 is U+0000'],
    ['\u202emoc.elpmaxe', 'Character 1 is U+202E'],
    ['😀.example.com', 'Character 1 is U+1F600'],
    ['www.\u200bexample.com', 'Character 5 is U+200B'],
    [`${'x.'.repeat(100)}..`, /empty label at character 200 of '(x\.){20}…'/],
  ] as [string, string | RegExp][]) {
    await name.fill(value);
    await expectAlert(page, expected);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    // The type picker runs at once too: not with a refused name.
    await page.getByRole('combobox', { name: 'Type' }).selectOption('AAAA');
    await noRunStarted(page);
    expect(await messageNames(page)).toEqual(before);
    await expectNothingInjected(page, dialogs);
  }
  await name.fill('example.com');
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(status(page)).toContainText(/NODATA|::/);
  await expect(message(page, 'Query example.com AAAA').first()).toBeVisible();
});

test('TLS lab: an empty offer list and hostile tamper offsets are refused; the outcome stays', async ({
  watched: page,
}) => {
  const dialogs = noDialogs(page);
  await openScenario(page, '?scenario=lab-tls-negotiation');
  await settled(page);
  const agreed = 'The handshake completed with TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256.';
  await expect(outcome(page)).toContainText(agreed);
  const before = await messageNames(page);
  // Every list: unchecking all of it is "offer at least one", and nothing runs.
  for (const [group, list] of [
    ['Client: cipher suites', 'cipher suites'],
    ['Server: key exchange groups', 'groups'],
    ['Client: signature algorithms', 'signature schemes'],
  ]) {
    const undo = lab(page).getByRole('button', { name: 'Undo my changes' });
    if (await undo.isVisible()) await undo.click();
    await settled(page);
    // Checked boxes move to the top, so the first checked one is unchecked until one is left:
    // each of those runs. The last one is what the lab refuses.
    const checked = lab(page).getByRole('group', { name: group }).locator('input:checked');
    while ((await checked.count()) > 1) {
      await checked.first().uncheck();
      await settled(page);
    }
    await expect(lab(page).getByRole('alert')).toHaveCount(0);
    const lastRun = await outcome(page).innerText();
    const lastDiagram = await messageNames(page);
    await checked.first().uncheck();
    await expectAlert(lab(page), `Offer at least one of the ${list}.`);
    await noRunStarted(page);
    expect(await outcome(page).innerText()).toBe(lastRun);
    expect(await messageNames(page)).toEqual(lastDiagram);
    // The header's Run does not run them either.
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await noRunStarted(page);
    expect(await messageNames(page)).toEqual(lastDiagram);
  }
  await lab(page).getByRole('button', { name: 'Undo my changes' }).click();
  await settled(page);
  await expect(lab(page).getByRole('alert')).toHaveCount(0);
  await expect(outcome(page)).toContainText(agreed);
  expect(await messageNames(page)).toEqual(before);

  await page.getByLabel('Scenario').selectOption({ label: 'Tampering in flight' });
  await settled(page);
  await lab(page)
    .getByLabel('Message to change')
    .selectOption({ label: '3: ServerKeyExchange from Server' });
  await settled(page);
  const offset = lab(page).getByLabel('Byte (offset from the record header)');
  await offset.fill('120');
  await settled(page);
  const preview = lab(page).locator('.tamper-preview');
  await expect(preview).toContainText('Byte 120 of ServerKeyExchange');
  const caught = await outcome(page).innerText();
  const max = Number(await offset.getAttribute('max'));
  await typeHostileNumbers(
    offset,
    `0 to ${max.toLocaleString('en-US')}`,
    [String(max + 1)],
    async () => {
      await expect(preview).toContainText('Byte 120 of ServerKeyExchange');
      expect(await outcome(page).innerText()).toBe(caught);
    },
  );
  await offset.fill('5');
  await settled(page);
  await expect(offset).toHaveAttribute('aria-invalid', 'false');
  await expect(preview).toContainText('Byte 5 of ServerKeyExchange');
  await expectNothingInjected(page, dialogs);
});

test('DNS lab: hostile names and clock jumps in every editor are refused at the field', async ({
  watched: page,
}, testInfo) => {
  test.setTimeout(180_000);
  const dialogs = noDialogs(page);
  const names: [string, string | RegExp][] = [
    ['x'.repeat(300), /^Not a usable name: label 'x{20}…' is 300 octets/],
    ['', 'Enter a name, such as www.example.com.'],
    ['   ', 'Enter a name, such as www.example.com.'],
    [INJECTIONS[0]!, 'Character 5 is a space'],
    ['a\u0000b', 'Character 2 is U+0000'],
    ['\u202emoc.elpmaxe', 'Character 1 is U+202E'],
    ['😀.example.com', 'Character 1 is U+1F600'],
  ];
  /** Types each hostile name into `field`: the panel says why, and the outcome stays. */
  const hostileNames = async (field: Locator) => {
    const kept = await outcome(page).innerText();
    const diagram = await messageNames(page);
    for (const [value, expected] of names) {
      await field.fill(value);
      await expectAlert(lab(page), expected);
      await noRunStarted(page);
      expect(await outcome(page).innerText()).toBe(kept);
      expect(await messageNames(page)).toEqual(diagram);
    }
    await expectNothingInjected(page, dialogs);
  };

  // Time travel: the name of each lookup, the seconds between them, and the list's length.
  await openScenario(page, '?scenario=lab-dns-time-travel');
  await settled(page);
  const step2 = lab(page).getByRole('group', { name: 'Lookup 2' });
  await hostileNames(step2.getByLabel('Name'));
  await step2.getByLabel('Name').fill('www.example.com');
  await typedRunDone(page);
  const after = step2.getByLabel('Seconds after the previous lookup');
  const kept = await outcome(page).innerText();
  await typeHostileNumbers(after, '0 to 2,592,000', ['2592001'], async () => {
    expect(await outcome(page).innerText()).toBe(kept);
  });
  await after.fill('2592000');
  await settled(page);
  await expect(after).toHaveAttribute('aria-invalid', 'false');
  const jumps = lab(page).getByRole('group', { name: 'Advance the clock and look up again:' });
  while (await jumps.isVisible()) {
    await jumps.getByRole('button', { name: '+10 s' }).click();
    await settled(page);
  }
  await expect(lab(page).locator('.steps > li')).toHaveCount(12);
  await expect(lab(page)).toContainText(
    'That is the most lookups one run takes (12): remove one to add another.',
  );
  await page.screenshot({ path: testInfo.outputPath('hostile-time-travel.png') });

  // Names that do not exist: the name and the second lookup's delay.
  await page.getByLabel('Scenario').selectOption({ label: 'Names that do not exist' });
  await settled(page);
  await hostileNames(lab(page).getByLabel('Name', { exact: true }));
  await lab(page).getByLabel('Name', { exact: true }).fill('nx.example.com');
  await typedRunDone(page);
  const again = lab(page).getByLabel('Second lookup, seconds later');
  const negative = await outcome(page).innerText();
  await typeHostileNumbers(again, '0 to 86,400', ['86401'], async () => {
    expect(await outcome(page).innerText()).toBe(negative);
  });

  // Cache poisoning: how many forged answers.
  await page.getByLabel('Scenario').selectOption({ label: 'Cache poisoning' });
  await settled(page);
  await lab(page)
    .getByLabel('The attack')
    .selectOption({ label: 'Forged answers racing the real one' });
  await settled(page);
  const poisoned = await outcome(page).innerText();
  await typeHostileNumbers(
    lab(page).getByLabel('Forged answers'),
    '1 to 20',
    ['0', '21'],
    async () => {
      expect(await outcome(page).innerText()).toBe(poisoned);
    },
  );

  // GSLB: every number, and lookups every 5 s for an hour, which is too many to draw.
  await page.getByLabel('Scenario').selectOption({ label: 'Failover with DNS (GSLB)' });
  await settled(page);
  const gslb = await outcome(page).innerText();
  for (const [label, range, over] of [
    ['TTL of the record', '1 to 86,400', ['0']],
    ['Health check every', '1 to 600', ['0', '601']],
    ['Failed checks before failover', '1 to 10', ['0', '11']],
    ['Stop the primary at', '0 to 3,600', ['3601']],
    ['The browser looks up every', '5 to 600', ['4']],
    ['Until', '0 to 3,600', ['3601']],
  ] as const) {
    const field = lab(page).getByLabel(label, { exact: true });
    const was = await field.inputValue();
    await typeHostileNumbers(field, range, over, async () => {
      expect(await outcome(page).innerText()).toBe(gslb);
    });
    await field.fill(was);
    await expect(field).toHaveAttribute('aria-invalid', 'false');
    await typedRunDone(page);
  }
  await settled(page);
  await lab(page).getByLabel('The browser looks up every').fill('5');
  await lab(page).getByLabel('Until', { exact: true }).fill('3600');
  await expectAlert(lab(page), '721 lookups is too many; the limit is 40.');
  expect(await outcome(page).innerText()).toBe(gslb);
  await lab(page).getByLabel('Until', { exact: true }).fill('195');
  await settled(page);
  await expect(lab(page).getByRole('alert')).toHaveCount(0);
  await expect(outcome(page).locator('tbody tr')).toHaveCount(40);
  // Going back to the preset clears what was typed and refused, with its message.
  const ttl = lab(page).getByLabel('TTL of the record');
  const presetTtl = await ttl.inputValue();
  await ttl.fill('-60');
  await expectNumberRefused(ttl, '1 to 86,400');
  await lab(page).getByRole('button', { name: 'Undo my changes' }).click();
  await settled(page);
  await expect(ttl).toHaveValue(presetTtl);
  await expect(ttl).toHaveAttribute('aria-invalid', 'false');
  await expect(outcome(page).locator('tbody tr')).not.toHaveCount(40);

  // QNAME minimisation: the name.
  await page.getByLabel('Scenario').selectOption({ label: 'QNAME minimisation' });
  await settled(page);
  await hostileNames(lab(page).getByLabel('Name', { exact: true }));
  await lab(page).getByLabel('Name', { exact: true }).fill('www.example.com');
  await settled(page);
  await expect(lab(page).getByRole('alert')).toHaveCount(0);
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(position(page)).toContainText(/^2 of \d+/);
  await expectNothingInjected(page, dialogs);
});

test('zone editor: oversized, hostile and broken master files and lookups are refused with their line', async ({
  watched: page,
}, testInfo) => {
  test.setTimeout(120_000);
  const dialogs = noDialogs(page);
  await openScenario(page, '?scenario=lab-dns-zone-edit');
  await settled(page);
  const text = lab(page).getByLabel('Master file');
  const shipped = await text.inputValue();
  const verdict = outcome(page).locator('.verdict');
  await expect(verdict).toHaveText('The edited zone was loaded; the lookups used it.');
  const loaded = await outcome(page).innerText();
  const zoneStatus = lab(page).locator('.zone-error, .zone-ok');

  // Over the size caps: refused before parsing, with the line, and nothing runs.
  const record = (i: number) => `h${i} IN A 192.0.2.1`;
  for (const [value, expected] of [
    [
      shipped + '\n;' + 'x'.repeat(262_144),
      /^Line 1: the zone file is \d+ characters long; the limit is 262144/,
    ],
    [shipped + '\n'.repeat(5_001), /^Line 5001: the zone file has more than 5000 lines/],
  ] as const) {
    await paste(text, value);
    await expectAlert(lab(page), expected);
    await expect(zoneStatus).toHaveText(expected);
    await noRunStarted(page);
    expect(await outcome(page).innerText()).toBe(loaded);
  }
  // Far past the line cap, the gutter still numbers only as far as a zone may go.
  await paste(text, '\n'.repeat(200_000));
  await expect(lab(page).locator('.zone-gutter span')).toHaveCount(5_001);
  await expectAlert(lab(page), /^Line 5001: /);

  // Within the caps, but more records than one zone takes: the parser names the line.
  await paste(text, `${shipped}\n${Array.from({ length: 2_001 }, (_, i) => record(i)).join('\n')}`);
  await settled(page);
  await expect(zoneStatus).toHaveText(/^Line \d+: more than 2000 records in one zone$/);
  await expect(verdict).toHaveText(/^Line \d+: more than 2000 records in one zone$/);

  // Markup, control characters and a direction override on a line: named, never run as markup,
  // the override shown as its code point so the message reads the right way round.
  for (const [line, expected] of [
    ['<img src=x onerror=window.__pwned=1> IN A 192.0.2.1', /^Line \d+: unknown type 'src=x'$/],
    ['"><svg onload=window.__pwned=1> IN TXT "<b>hi</b>"', /^Line \d+: /],
    ['www\u0000 IN A 192.0.2.1', /U\+0000/],
    ['\u202ewww IN A 192.0.2.1', /^Line \d+: character "U\+202E" at 0 of 'U\+202Ewww'/],
    [`www IN A ${'9'.repeat(100_000)}`, /^Line \d+: '9{40}…'/],
  ] as const) {
    await paste(text, `${shipped}\n${line}`);
    await settled(page);
    await expect(zoneStatus).toHaveText(expected);
    const box = await zoneStatus.boundingBox();
    expect(box!.height).toBeLessThan(80);
    await expectNothingInjected(page, dialogs);
  }
  await page.screenshot({ path: testInfo.outputPath('hostile-zone.png') });

  // The lookups' names, and their number.
  await lab(page).getByRole('button', { name: 'Back to the shipped zone' }).click();
  await settled(page);
  await expect(verdict).toHaveText('The edited zone was loaded; the lookups used it.');
  const lookup1 = lab(page).getByLabel('Name 1', { exact: true });
  const good = await lookup1.inputValue();
  for (const [value, expected] of [
    ['x'.repeat(300), /label 'x{20}…' is 300 octets/],
    ['', 'Enter a name, such as www.example.com.'],
    [INJECTIONS[1]!, 'Character 7 is a space'],
    ['\u202ewww.example.com', 'Character 1 is U+202E'],
  ] as const) {
    await lookup1.fill(value);
    await expectAlert(lab(page), expected);
  }
  await lookup1.fill(good);
  await settled(page);
  const add = lab(page).getByRole('button', { name: 'Add a lookup' });
  while (await add.isVisible()) {
    await add.click();
    await settled(page);
  }
  await expect(lab(page).locator('.lookup-row')).toHaveCount(6);
  await expect(lab(page)).toContainText(
    'That is the most lookups one run takes (6): remove one to add another.',
  );
  await expect(verdict).toHaveText('The edited zone was loaded; the lookups used it.');
  await expectNothingInjected(page, dialogs);
});

test('journey: hostile addresses and visit times are refused at the field', async ({
  watched: page,
}) => {
  const dialogs = noDialogs(page);
  await openScenario(page, '?scenario=journey-visit');
  await settled(page);
  const kept = await outcome(page).innerText();
  const diagram = await messageNames(page);
  const url = lab(page).getByLabel('Address');
  const https = 'Enter an https address, such as https://www.example.com/';
  for (const [value, expected] of [
    ['javascript:alert(1)', https],
    ['http://www.example.com/', https],
    ['https://<img src=x onerror=window.__pwned=1>/', https],
    ['"><svg onload=window.__pwned=1>', https],
    ['', https],
    ['   ', https],
    ['https://\u202emoc.elpmaxe/', /Character \d+ is U\+202E|Enter an https address/],
    [`https://${'a'.repeat(64)}.com/`, /label 'a{20}…' is 64 octets/],
    [
      `https://www.example.com/${'a'.repeat(8_000)}`,
      'The address is 8024 characters long; the limit is 8000 (RFC 9110 §4.1).',
    ],
  ] as const) {
    await url.fill(value);
    await expectAlert(lab(page), expected);
    await noRunStarted(page);
    expect(await outcome(page).innerText()).toBe(kept);
    expect(await messageNames(page)).toEqual(diagram);
  }
  await url.fill('https://www.example.com/');
  await settled(page);
  const again = lab(page).getByLabel('Seconds after the first visit');
  await typeHostileNumbers(again, '0 to 86,400', ['86401'], async () => {
    expect(await messageNames(page)).toEqual(diagram);
  });
  await again.fill('60');
  await settled(page);
  await expect(lab(page).getByRole('alert')).toHaveCount(0);
  await expectNothingInjected(page, dialogs);
});

test('Decode: pasted hex past 64 KiB, odd, not hex or hostile gets a clear message; valid hex still decodes', async ({
  watched: page,
}, testInfo) => {
  const dialogs = noDialogs(page);
  await openScenario(page);
  await page.getByRole('button', { name: 'Decode', exact: true }).click();
  const hex = page.getByLabel('Hex', { exact: true });
  const decodeStatus = page.locator('.decode-status').first();
  for (const [value, expected] of [
    [
      '00'.repeat(70 * 1024),
      'That is 71,680 bytes; the decoder takes at most 65,536 bytes (64 KiB).',
    ],
    [
      ' '.repeat(400_000),
      'The pasted text is 400,000 characters long; at most 327,680 are read (64 KiB as a hex dump).',
    ],
    ['160303004', 'The hex has an odd number of digits (9): a byte is cut in half.'],
    ['16 03 zz', '“z” on line 1, column 7 is not a hex digit.'],
    [INJECTIONS[0]!, '“<” on line 1, column 1 is not a hex digit.'],
    [INJECTIONS[1]!, '“"” on line 1, column 1 is not a hex digit.'],
    ['16 03\n03 \u0000', '“U+0000” on line 2, column 4 is not a hex digit.'],
    ['\u202e160303', '“U+202E” on line 1, column 1 is not a hex digit.'],
    ['1603😀', '“U+1F600” on line 1, column 5 is not a hex digit.'],
    ['16\ud800', /^“U\+(D800|FFFD)” on line 1, column 3 is not a hex digit\.$/],
    ['', 'Paste some hex to decode it.'],
    ['  \n\t ', 'Paste some hex to decode it.'],
  ] as const) {
    await paste(hex, value);
    if (typeof expected === 'string') await expect(decodeStatus).toContainText(expected);
    else await expect(decodeStatus).toHaveText(expected);
    // The message is the box's description, and the box is marked invalid unless it is empty.
    await expect(hex).toHaveAccessibleDescription(/Paste the hex of one or more TLS records/);
    const empty = expected === 'Paste some hex to decode it.';
    await expect(hex).toHaveAttribute('aria-invalid', empty ? 'false' : 'true');
    await expectNothingInjected(page, dialogs);
  }
  await page.screenshot({ path: testInfo.outputPath('hostile-decode.png') });
  await hex.fill('1234 0100 0001 0000 0000 0000 03777777 076578616d706c65 03636f6d 00 0001 0001');
  await expect(decodeStatus).toHaveText('Decoded as DNS message: 33 bytes.');
  await page.getByRole('button', { name: 'Diagram', exact: true }).click();
  await expect(message(page, 'ServerHello')).toBeVisible();
});

test('trace import: hostile files are refused with their reason, hostile names in a good one stay text', async ({
  watched: page,
}, testInfo) => {
  const dialogs = noDialogs(page);
  await openScenario(page, '?scenario=tls-full&seed=5');
  const before = await messageNames(page);
  const menu = page.getByRole('button', { name: 'Export and share' });
  const openMenu = async () => {
    if ((await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
  };
  const importFile = async (files: string | { name: string; mimeType: string; buffer: Buffer }) => {
    await openMenu();
    const [chooser] = await Promise.all([
      page.waitForEvent('filechooser'),
      page.getByRole('button', { name: 'Import trace (JSON)…' }).click(),
    ]);
    await chooser.setFiles(files);
  };
  const dir = mkdtempSync(join(tmpdir(), 'wirestep-hostile-'));
  await openMenu();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Export trace (JSON)', exact: true }).click(),
  ]);
  const exported = join(dir, 'exported.json');
  await download.saveAs(exported);
  const good = JSON.parse(readFileSync(exported, 'utf8')) as {
    settings: Record<string, unknown>;
    trace: { lanes: string[]; events: Record<string, unknown>[] };
  };
  const json = (change: (g: typeof good) => void) => {
    const copy = structuredClone(good);
    change(copy);
    return Buffer.from(JSON.stringify(copy));
  };

  // Bigger than 50 MiB: refused by its size, without being read (a sparse file on disk).
  const huge = join(dir, 'huge.trace.json');
  const fd = openSync(huge, 'w');
  ftruncateSync(fd, 50 * 1024 * 1024 + 1);
  closeSync(fd);

  const refused: [string | { name: string; mimeType: string; buffer: Buffer }, string | RegExp][] =
    [
      [huge, 'Could not import huge.trace.json: it is 50.0 MiB, and at most 50.0 MiB are read.'],
      [
        {
          name: '"><img src=x onerror=window.__pwned=1>.json',
          mimeType: 'application/json',
          buffer: Buffer.from('<script>window.__pwned=1</script>'),
        },
        'Could not import "><img src=x onerror=window.__pwned=1>.json: it is not a JSON file.',
      ],
      [
        {
          name: 'deep.json',
          mimeType: 'application/json',
          buffer: Buffer.from('['.repeat(1_000_000)),
        },
        'Could not import deep.json: it is not a JSON file.',
      ],
      [
        {
          name: 'host.json',
          mimeType: 'application/json',
          buffer: json((g) => (g.settings['serverName'] = INJECTIONS[0])),
        },
        'it is damaged (settings.serverName: Character 1 is “<”: a server name is letters, digits, hyphens and dots (RFC 6066 §3))',
      ],
      [
        {
          name: 'many.json',
          mimeType: 'application/json',
          buffer: json((g) => (g.settings['connections'] = 1e9)),
        },
        'it is damaged (settings.connections: A run makes 1 to 20 connections, not 1000000000)',
      ],
      [
        {
          name: 'kind.json',
          mimeType: 'application/json',
          buffer: json((g) => (g.settings['kind'] = 'lab')),
        },
        'it is damaged (settings.kind is not one of tls)',
      ],
      [
        {
          name: 'rtl.json',
          mimeType: 'application/json',
          buffer: json((g) => (g.settings['seed'] = '\u202e1')),
        },
        'it is damaged (settings.seed: Character 1 of the seed is U+202E',
      ],
    ];
  for (const [file, expected] of refused) {
    await importFile(file);
    await expectAlert(page, expected);
    expect(await messageNames(page)).toEqual(before);
    await expectNothingInjected(page, dialogs);
  }
  await page.screenshot({ path: testInfo.outputPath('hostile-import-refused.png') });

  // A well-formed trace whose names are markup and direction overrides: shown as text.
  const m = good.trace.events.findIndex((e) => e['kind'] === 'message');
  await importFile({
    name: 'names.json',
    mimeType: 'application/json',
    buffer: json((g) => {
      g.trace.events[m]!['name'] = INJECTIONS[0];
      const note = g.trace.events.find((e) => e['kind'] === 'note');
      if (note) note['key'] = INJECTIONS[1];
    }),
  });
  await expect(page.getByText('Showing the trace imported from names.json.')).toBeVisible();
  // The diagram names the message with the markup as its text (its accessible name begins so).
  const injected = page.getByRole('button', {
    name: new RegExp(
      `^${INJECTIONS[0]!.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} · \\d+ B, [^,]+, Client to Server`,
    ),
  });
  await expect(injected).toBeVisible();
  await injected.click();
  await expect(
    page.getByRole('complementary', { name: 'Inspector' }).getByRole('heading', { level: 2 }),
  ).toHaveText(INJECTIONS[0]!);
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(position(page)).toContainText('2 of 15');
  await expectNothingInjected(page, dialogs);
  await page.screenshot({ path: testInfo.outputPath('hostile-import-names.png') });

  // And a new run replaces it.
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(status(page)).toContainText('15 messages');
  expect(await messageNames(page)).toEqual(before);
});
