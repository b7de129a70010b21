/**
 * Hands TLS 1.3's codecs and record protection to the code TLS 1.2 shares with them
 * (../tls13-parts.ts). Evaluating this module is what installs them: `loadTls13` imports it, and
 * so does every module that reads TLS 1.3 without a connection to load it first.
 */
import { installTls13 } from '../tls13-parts';
import { Tls13RecordProtection } from './key-schedule';
import * as messages from './messages';

installTls13({ ...messages, Tls13RecordProtection });
