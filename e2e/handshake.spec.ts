import { expect, inspector, messageNames, openScenario, test } from './fixtures';

test.use({ viewport: { width: 1280, height: 720 } });

test('the page runs a real TLS 1.2 handshake and draws every message in order', async ({
  watched: page,
}, testInfo) => {
  await openScenario(page);
  const names = await messageNames(page);
  // Times count from the capture's start, the TCP handshake 40 ms before the ClientHello.
  const order = [
    'ClientHello, Client to Server, 40 ms',
    'ServerHello, Server to Client, 60 ms',
    'Certificate, Server to Client',
    'ServerKeyExchange, Server to Client',
    'ServerHelloDone, Server to Client',
    'ClientKeyExchange, Client to Server, 80 ms',
    'ChangeCipherSpec, Client to Server',
    'Finished, Client to Server, 80 ms, encrypted',
    'NewSessionTicket, Server to Client',
    'ChangeCipherSpec, Server to Client',
    'Finished, Server to Client, 100 ms, encrypted',
    'ApplicationData (GET /), Client to Server, 120 ms, encrypted',
    'ApplicationData (HTTP 200 OK), Server to Client, 140 ms, encrypted',
    'Alert close_notify, Client to Server, 160 ms, encrypted',
    'Alert close_notify, Server to Client, 180 ms, encrypted',
  ];
  expect(names).toHaveLength(order.length);
  order.forEach((prefix, i) =>
    expect(names[i]!.startsWith(prefix), `${names[i]} starts with ${prefix}`).toBe(true),
  );
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
