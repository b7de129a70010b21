/**
 * The TLS engine's faults, alerts' reasons and certificate checks in English (../../i18n/tls.en.ts),
 * for the notes and status lines of a handshake that fails. A handshake that succeeds needs only
 * the notes in en.ts; this part arrives before a run that needs more is shown (./index.ts,
 * `loadEnglishFor`), and with the prefetch after the first drawing.
 */
import { TLS_TEXT_EN } from '../../i18n/tls.en';
import type { Table } from './en';

export const enTls: { notes: Table } = { notes: TLS_TEXT_EN };
