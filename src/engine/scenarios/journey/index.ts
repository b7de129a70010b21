/**
 * The whole journey: DNS, TCP, TLS and HTTP in one Trace ("Visit https://www.example.com"), and
 * the pieces it is made of, for the UI to run and to explain.
 */
export * from './journey';
export * from './visit';
export * from './tcp-segment';
export { relane } from './relane';
export { JOURNEY_NOTE_TEXT, JOURNEY_TEXT, TCP_FIELD_TEXT } from './text';
