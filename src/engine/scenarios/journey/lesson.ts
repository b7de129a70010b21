/**
 * What to watch for in the journey, one paragraph. Apart from its title (./text.ts) because only
 * the open lab shows the lesson, while the picker needs the title before the first drawing.
 */
export const JOURNEY_LESSON =
  'Everything that happens when you type an address and press Enter. First the browser needs the server’s IP address: it asks DNS, through its own cache, the operating system’s and the recursive resolver’s, down to the authoritative servers. Then it opens a TCP connection to that address, in three steps: SYN, SYN-ACK, ACK. Over that connection it runs the TLS handshake, and it checks that the certificate is for the name it looked up. Only then does the encrypted request go out and the page come back. Now visit again. The browser still has the address in its cache, so no DNS message is sent. The TLS session is resumed with the ticket from the first visit, so there is one round trip less and no certificate. Compare how many messages each visit needed and how long it took.';
