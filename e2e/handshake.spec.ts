import { expect, inspector, messageNames, openScenario, test } from './fixtures';

test.use({ viewport: { width: 1280, height: 720 } });

test('the page runs a real TLS 1.2 handshake and draws every message in order', async ({
  watched: page,
}, testInfo) => {
  await openScenario(page);
  const names = await messageNames(page);
  // Times count from the capture's start, the TCP handshake 40 ms before the ClientHello.
  // The name reads as the message shows itself (name · size, time), then who sends it to whom.
  const order: [string, string, string][] = [
    ['ClientHello', '40 ms', 'Client to Server'],
    ['ServerHello', '60 ms', 'Server to Client'],
    ['Certificate', '60 ms', 'Server to Client'],
    ['ServerKeyExchange', '60 ms', 'Server to Client'],
    ['ServerHelloDone', '60 ms', 'Server to Client'],
    ['ClientKeyExchange', '80 ms', 'Client to Server'],
    ['ChangeCipherSpec', '80 ms', 'Client to Server'],
    ['Finished', '80 ms', 'Client to Server, encrypted'],
    ['NewSessionTicket', '100 ms', 'Server to Client'],
    ['ChangeCipherSpec', '100 ms', 'Server to Client'],
    ['Finished', '100 ms', 'Server to Client, encrypted'],
    ['ApplicationData (GET /)', '120 ms', 'Client to Server, encrypted'],
    ['ApplicationData (HTTP 200 OK)', '140 ms', 'Server to Client, encrypted'],
    ['Alert close_notify', '160 ms', 'Client to Server, encrypted'],
    ['Alert close_notify', '180 ms', 'Server to Client, encrypted'],
  ];
  expect(names).toHaveLength(order.length);
  order.forEach(([name, time, rest], i) => {
    const shape = new RegExp(`^${name.replace(/[()/]/g, '\\$&')} · \\d+ B, ${time}, ${rest}`);
    expect(names[i], `${names[i]} reads ${shape}`).toMatch(shape);
  });
  // The messages are SVG buttons that take focus.
  expect(await page.locator('g.msg[tabindex="0"]').count()).toBe(order.length);
  await expect(page.getByRole('status')).toContainText(
    'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 · HTTP/1.1 200 OK',
  );
  await expect(inspector(page).getByRole('heading', { name: 'ClientHello' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('handshake-1280x720.png') });
});

test('an encrypted record shows its ciphertext, the nonce and AAD, and the plaintext', async ({
  watched: page,
}, testInfo) => {
  await openScenario(page);
  // Below the fold: keyboard focus brings it into view, Enter inspects it.
  await page.getByRole('button', { name: /^ApplicationData \(GET \/\)/ }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: /^ApplicationData \(GET \/\)/ })).toBeInViewport();
  const panel = inspector(page);
  await panel.getByRole('tab', { name: 'Bytes' }).click();
  await expect(panel.getByRole('heading', { name: 'Ciphertext (on the wire)' })).toBeVisible();
  await expect(panel.getByRole('heading', { name: 'Nonce' })).toBeVisible();
  await expect(panel.getByRole('heading', { name: /AAD/ })).toBeVisible();
  await expect(panel.getByRole('heading', { name: /^Plaintext/ })).toBeVisible();
  // The AAD's last two bytes are the plaintext length (RFC 5246, Section 6.2.3.3), 105 here.
  await expect(panel.locator('.aad')).toContainText('00 69');
  // "GET /" in hex, byte by byte.
  await expect(panel.getByRole('group', { name: /Hex dump of Plaintext/ })).toContainText(
    '474554202f',
  );
  await panel.getByRole('tab', { name: 'Fields' }).click();
  await expect(panel.getByRole('button', { name: /start-line\s*GET \/ HTTP\/1\.1/ })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('encrypted-record.png') });
});
