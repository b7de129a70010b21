/**
 * The one place that loads @peculiar/x509. Its dependency injection (tsyringe) needs the
 * reflect-metadata polyfill to be installed before the library module is evaluated, in the
 * browser as well as in Node, so every engine file imports the library from here.
 */
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';

// WebCrypto is globalThis.crypto in browsers and in Node >= 20; naming it explicitly keeps the
// library from guessing, and it is the only provider the engine uses for RSA.
x509.cryptoProvider.set(globalThis.crypto);

export { x509 };
