/**
 * The one place that loads @peculiar/x509, for what builds certificates: the demo PKI generator
 * (src/scripts/pki.ts) and tests. The engine itself reads certificates with the library's own
 * schema layer (@peculiar/asn1-x509, see parse.ts), which keeps this module, tsyringe and
 * reflect-metadata out of the browser bundle. Its dependency injection (tsyringe) needs the
 * reflect-metadata polyfill to be installed before the library module is evaluated, so
 * everything that uses the library imports it from here.
 */
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';

// WebCrypto is globalThis.crypto in browsers and in Node >= 20; naming it explicitly keeps the
// library from guessing, and it is the only provider the engine uses for RSA.
x509.cryptoProvider.set(globalThis.crypto);

export { x509 };
