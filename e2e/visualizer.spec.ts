import { analyze, axe } from './axe';
import { expect, inspector, message, messageNames, openScenario, test } from './fixtures';

test.use({ viewport: { width: 1280, height: 720 } });

const position = (page: import('@playwright/test').Page) => page.locator('.playback .position');

test('every scenario in the picker runs and draws its messages', async ({
  watched: page,
}, testInfo) => {
  await openScenario(page);
  const picker = page.getByLabel('Scenario');
  // The lab's scenarios have groups of their own (lab.spec.ts).
  const titles = await picker.locator('optgroup[label="Basics"] option').allTextContents();
  expect(titles).toEqual([
    'TLS 1.2 full handshake',
    'TLS 1.2 when the server asks for a client certificate',
    'TLS 1.3 full handshake',
    'TLS 1.3 with a HelloRetryRequest',
    'TLS 1.3 resumption (PSK)',
    'TLS 1.3 with a KeyUpdate',
    'TLS 1.2 and TLS 1.3 side by side',
    'DNS lookup (cold cache)',
    'DNS lookup again (warm cache)',
    'DNS lookup after the TTL has passed',
  ]);
  for (const [i, title] of titles.entries()) {
    await picker.selectOption({ label: title });
    await expect(page.getByRole('status')).toContainText('messages', { timeout: 20_000 });
    const names = await messageNames(page);
    expect(names.length, title).toBeGreaterThan(0);
    expect(names[0]).toMatch(
      title.startsWith('TLS')
        ? /^ClientHello · /
        : /^Query www\.example\.com A · \d+ B, 0 ms, Browser to OS resolver/,
    );
    await expect(inspector(page).getByRole('heading', { level: 2 })).toHaveText(
      names[0]!.split(' · ')[0]!,
    );
    await page.screenshot({ path: testInfo.outputPath(`scenario-${i + 1}.png`) });
  }
});

test('the cold DNS lookup walks Root, TLD and Authoritative; the warm one is answered from a cache', async ({
  watched: page,
}, testInfo) => {
  await openScenario(page, '?scenario=dns-cold');
  // "Query … A · 44 B, 11 ms, Recursive resolver to Root" read as "Query … A, Recursive resolver to Root".
  const cold = (await messageNames(page)).map((n) => n.replace(/ · \d+ B, [^,]+/, ''));
  for (const server of ['Root', 'TLD', 'Authoritative']) {
    expect(
      cold.some((n) => n.startsWith(`Query www.example.com A, Recursive resolver to ${server}`)),
      server,
    ).toBe(true);
  }
  expect(cold.some((n) => n.startsWith('Referral to com., Root to Recursive resolver'))).toBe(true);
  expect(
    cold.some((n) => n.startsWith('Referral to example.com., TLD to Recursive resolver')),
  ).toBe(true);
  await page.getByRole('button', { name: 'Last', exact: true }).click();
  const panel = inspector(page);
  await panel.getByRole('tab', { name: 'Caches' }).click();
  await expect(
    panel.getByRole('region', { name: 'Recursive resolver delegation cache' }),
  ).toContainText('example.com.');
  await expect(panel.getByRole('region', { name: 'OS resolver OS resolver cache' })).toContainText(
    'www.example.com A',
  );
  await page.screenshot({ path: testInfo.outputPath('dns-cold-caches.png') });

  await page.getByLabel('Scenario').selectOption('dns-warm');
  await expect(page.getByRole('status')).toContainText('messages', { timeout: 20_000 });
  const warm = await messageNames(page);
  // Lookup 2 (the last two messages) never leaves the machine: the OS resolver's cache answers.
  const second = warm.slice(-2);
  expect(second[0]).toMatch(
    /^Query www\.example\.com A · \d+ B, 1 min 30 s, Browser to OS resolver/,
  );
  expect(second[1]).toMatch(
    /^Response www\.example\.com A NOERROR · \d+ B, [^,]+, OS resolver to Browser/,
  );
  const hit = page.getByRole('img', {
    name: /^Cache hit at the OS resolver, OS resolver cache: .*21\d seconds left/,
  });
  await expect(hit).toHaveCount(1);
  await page.getByRole('button', { name: 'Last', exact: true }).click();
  await panel.getByRole('tab', { name: 'Explain' }).click();
  await expect(panel).toContainText('answers from its own cache');
  await panel.getByRole('tab', { name: 'Caches' }).click();
  await expect(panel.getByRole('region', { name: 'OS resolver OS resolver cache' })).toContainText(
    '1 hit,',
  );
  await page.screenshot({ path: testInfo.outputPath('dns-warm.png') });

  await page.getByLabel('Scenario').selectOption('dns-expired');
  await expect(page.getByRole('status')).toContainText('messages', { timeout: 20_000 });
  const expired = await messageNames(page);
  const lookup2 = expired.slice(
    expired.findIndex(
      (n, i) => i > 0 && /^Query www\.example\.com A · \d+ B, [^,]+, Browser/.test(n),
    ),
  );
  // The answer expired, the delegation did not: straight to the authoritative servers.
  expect(lookup2.some((n) => n.includes('Recursive resolver to Authoritative'))).toBe(true);
  expect(lookup2.some((n) => n.includes('to Root'))).toBe(false);
  await expect(
    page.getByRole('img', {
      name: /^Cache hit at the Recursive resolver, delegation cache: example\.com\./,
    }),
  ).toHaveCount(1);
  await page.screenshot({ path: testInfo.outputPath('dns-expired.png') });
});

test('Play runs to the end; stepping goes back and forth', async ({ watched: page }, testInfo) => {
  await openScenario(page);
  await expect(position(page)).toContainText('1 of 15');
  await page.getByLabel('Speed').selectOption('4');
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
  await page.waitForTimeout(700);
  await page.screenshot({ path: testInfo.outputPath('playing.png') });
  await expect(position(page)).toContainText('15 of 15', { timeout: 30_000 });
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  await expect(inspector(page).getByRole('heading', { level: 2 })).toHaveText('Alert close_notify');

  await page.getByRole('button', { name: 'First', exact: true }).click();
  await expect(position(page)).toContainText('1 of 15');
  for (let i = 0; i < 3; i++) await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(position(page)).toContainText('4 of 15');
  await expect(position(page)).toContainText('ServerKeyExchange');
  await page.getByRole('button', { name: 'Step back' }).click();
  await expect(position(page)).toContainText('3 of 15');
  await expect(inspector(page).getByRole('heading', { level: 2 })).toHaveText('Certificate');
  // The client's state, written on its lifeline, follows the cursor.
  await page.getByRole('button', { name: 'Last', exact: true }).click();
  await expect(position(page)).toContainText('15 of 15');
  await expect(page.locator('.lane-head').first()).toContainText('Closed');
  await page.screenshot({ path: testInfo.outputPath('last.png') });
});

test('playback still advances with reduced motion', async ({ watched: page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await openScenario(page, '?speed=4');
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(position(page)).toContainText('3 of 15', { timeout: 10_000 });
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
});

test('clicking ServerKeyExchange shows its signature field and bytes, and bytes select their field', async ({
  watched: page,
}, testInfo) => {
  await openScenario(page);
  await message(page, 'ServerKeyExchange').click();
  const panel = inspector(page);
  await expect(panel.getByRole('heading', { level: 2 })).toHaveText('ServerKeyExchange');
  await panel.getByRole('tab', { name: 'Fields' }).click();
  const signature = panel.getByRole('button', { name: /^signature\s+47\+258$/ });
  await expect(signature).toBeVisible();
  await signature.click();
  await expect(signature).toHaveAttribute('aria-pressed', 'true');
  await expect(panel.getByRole('group', { name: 'Bytes of signature' })).toContainText(
    /^([0-9a-f]{2} ){63}[0-9a-f]{2} …$/,
  );
  await expect(panel.locator('.fd-path')).toHaveText(
    'TLSPlaintext › fragment › ServerKeyExchange › signed_params › signature',
  );
  await page.screenshot({ path: testInfo.outputPath('ske-fields.png') });

  await panel.getByRole('tab', { name: 'Bytes' }).click();
  const wire = panel.getByRole('group', { name: 'Hex dump of ServerKeyExchange' });
  await expect(wire.locator('.hex .b.sel')).toHaveCount(258);
  // Clicking a byte of the ECDHE public key selects that field.
  await wire.locator('.hex [data-o="20"]').click();
  await expect(panel.locator('.fd-path')).toContainText('params › public › point');
  await expect(wire.locator('.hex .b.sel')).toHaveCount(32);
  await panel.getByRole('tab', { name: 'Explain' }).click();
  await expect(panel).toContainText('ECDHE public key');
  await page.screenshot({ path: testInfo.outputPath('ske-bytes.png') });

  await panel.getByRole('tab', { name: 'Keys' }).click();
  await expect(panel).toContainText('No keys yet');
  await message(page, 'ClientKeyExchange').click();
  await expect(panel.getByRole('heading', { name: 'Master secret', exact: true })).toBeVisible();
  await expect(panel).toContainText('extended master secret');
  await expect(panel.getByRole('group', { name: 'How the key block is cut' })).toContainText(
    'client_write_key',
  );
  await page.screenshot({ path: testInfo.outputPath('keys.png') });
});

test('keyboard only: shortcuts, tabbing to a message, and the inspector tabs', async ({
  watched: page,
}, testInfo) => {
  await openScenario(page);
  await page.keyboard.press('End');
  await expect(position(page)).toContainText('15 of 15');
  await page.keyboard.press('Home');
  await expect(position(page)).toContainText('1 of 15');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(position(page)).toContainText('3 of 15');
  await page.keyboard.press('ArrowLeft');
  await expect(position(page)).toContainText('2 of 15');
  await page.keyboard.press(' ');
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible();
  await page.keyboard.press(' ');
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();

  // Tab into the diagram until a message has focus, then step through messages with Tab.
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.classList.contains('msg'))) break;
  }
  const focused = () =>
    page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
  expect(await focused()).toMatch(/^ClientHello · /);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  expect(await focused()).toMatch(/^ServerKeyExchange · /);
  await page.keyboard.press('Enter');
  await expect(inspector(page).getByRole('heading', { level: 2 })).toHaveText('ServerKeyExchange');
  // The focused message shows a visible focus ring.
  const ring = await page.evaluate(
    () => getComputedStyle(document.activeElement!.querySelector('.hit')!).strokeWidth,
  );
  expect(parseFloat(ring)).toBeGreaterThanOrEqual(2);
  await page.screenshot({ path: testInfo.outputPath('keyboard-focus.png') });

  // Into the inspector's tabs: arrows move between them.
  const explainTab = inspector(page).getByRole('tab', { name: 'Explain' });
  await explainTab.focus();
  await page.keyboard.press('ArrowRight');
  await expect(inspector(page).getByRole('tab', { name: 'Fields' })).toBeFocused();
  await expect(inspector(page).getByRole('tab', { name: 'Fields' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  // …and do not step the playback.
  await expect(position(page)).toContainText('4 of 15');
});

for (const scenario of ['tls-full', 'dns-cold']) {
  test(`no serious accessibility violations (${scenario})`, async ({ watched: page }) => {
    await openScenario(page, `?scenario=${scenario}`);
    await page.getByRole('button', { name: 'Step forward' }).click();
    for (const theme of ['light', 'dark']) {
      if (theme === 'dark') {
        await page.goto(`/?scenario=${scenario}&theme=dark`);
        await expect(page.locator('svg.diagram-svg g.msg').first()).toBeVisible({
          timeout: 20_000,
        });
      }
      const results = await analyze(axe(page));
      const serious = results.violations.filter(
        (v) => v.impact === 'serious' || v.impact === 'critical',
      );
      expect(
        serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
        theme,
      ).toEqual([]);
    }
  });
}

test.describe('at 1920×1080', () => {
  test.use({ viewport: { width: 1920, height: 1080 } });
  test('the layout stays usable on a large screen', async ({ watched: page }, testInfo) => {
    await openScenario(page, '?scenario=dns-warm');
    await page.getByRole('button', { name: 'Last', exact: true }).click();
    await inspector(page).getByRole('tab', { name: 'Caches' }).click();
    const box = await page.locator('.inspector').boundingBox();
    expect(box!.width).toBeGreaterThan(500);
    await page.screenshot({ path: testInfo.outputPath('dns-warm-1920x1080.png') });
    await openScenario(page);
    await message(page, /^Finished · \d+ B, [^,]+, Server to Client/).click();
    await inspector(page).getByRole('tab', { name: 'Bytes' }).click();
    await page.screenshot({ path: testInfo.outputPath('tls-1920x1080.png') });
  });
});

test('the suite picker negotiates each suite; a new seed changes the randoms', async ({
  watched: page,
}) => {
  await openScenario(page);
  const suites: [string, string][] = [
    ['49195', 'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256'],
    ['52392', 'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256'],
    ['49200', 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384'],
  ];
  for (const [value, name] of suites) {
    await page.getByRole('combobox', { name: /^Cipher suite/ }).selectOption(value);
    await expect(page.getByRole('status')).toContainText(`${name} · HTTP/1.1 200 OK`, {
      timeout: 20_000,
    });
  }
  const seed = page.getByLabel('Seed');
  const before = await seed.inputValue();
  await page.getByRole('button', { name: 'New random seed' }).click();
  await expect(seed).not.toHaveValue(before);
  await expect(page.getByRole('status')).toContainText('HTTP/1.1 200 OK', { timeout: 20_000 });
});

test('the diagram scrolls with the wheel, zooms with Ctrl + wheel and the buttons, and pans by dragging', async ({
  watched: page,
}, testInfo) => {
  await openScenario(page, '?scenario=dns-cold');
  const canvas = page.locator('.diagram-canvas');
  const viewport = page.locator('.diagram-viewport');
  const transformOf = async () => {
    const css = await viewport.evaluate((el) => (el as HTMLElement).style.transform);
    const m = /translate\((-?[\d.]+)px, ?(-?[\d.]+)px\) scale\(([\d.]+)\)/.exec(css);
    expect(m, css).not.toBeNull();
    return { x: Number(m![1]), y: Number(m![2]), k: Number(m![3]) };
  };
  const box = (await canvas.boundingBox())!;
  const centre = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  const start = await transformOf();

  // A plain wheel scrolls down the diagram, at the same scale.
  await page.mouse.move(centre.x, centre.y);
  await page.mouse.wheel(0, 300);
  await expect.poll(async () => (await transformOf()).y).toBeLessThan(start.y);
  const scrolled = await transformOf();
  expect(scrolled.k).toBe(start.k);

  // Ctrl + wheel zooms in around the pointer.
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -200);
  await page.keyboard.up('Control');
  await expect.poll(async () => (await transformOf()).k).toBeGreaterThan(start.k);

  // The buttons zoom out and fit.
  const zoomedIn = await transformOf();
  await page.getByRole('button', { name: 'Zoom out' }).click();
  await expect.poll(async () => (await transformOf()).k).toBeLessThan(zoomedIn.k);
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await page.getByRole('button', { name: 'Fit to view' }).click();
  await expect.poll(async () => (await transformOf()).k).toBeLessThanOrEqual(1);

  // Dragging pans, and the click that ends the drag selects nothing.
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await page.getByRole('button', { name: 'Zoom in' }).click();
  const beforeDrag = await transformOf();
  const heading = inspector(page).getByRole('heading', { level: 2 });
  const selected = await heading.textContent();
  await page.mouse.move(centre.x, centre.y);
  await page.mouse.down();
  await page.mouse.move(centre.x - 120, centre.y - 90, { steps: 6 });
  await page.mouse.up();
  const dragged = await transformOf();
  expect(dragged.y).toBeLessThan(beforeDrag.y);
  expect(dragged.k).toBe(beforeDrag.k);
  await expect(heading).toHaveText(selected!);

  // A click without a drag still selects the message under it.
  await page.getByRole('button', { name: 'Fit to view' }).click();
  // (On the arrow itself: the message's box also spans its time, far to the left in the gutter.)
  await message(page, /^Query www\.example\.com A · \d+ B, [^,]+, Recursive resolver to Root/)
    .locator('.hit')
    .click();
  await expect(heading).toHaveText('Query www.example.com A');
  await page.screenshot({ path: testInfo.outputPath('zoomed.png') });
});
