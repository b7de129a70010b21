/**
 * A message's name as the page shows it: when the engine gave it as a key (a DNS message:
 * "Referral to com."), that key in the page's language; a fixed name of several words
 * ("Certificate (empty)") from the `names` table; else the engine's name, a protocol's own.
 * Until the table that holds the text has arrived, the engine's English name stands in.
 */
import type { MessageEvent } from '../../engine/trace';
import { translate } from '../../i18n/format';
import type { Strings } from './en';

export function messageTitle(t: Strings, message: Pick<MessageEvent, 'name' | 'label'>): string {
  const { label } = message;
  if (!label || t.notes[label.key] === undefined) return t.names[message.name] ?? message.name;
  return translate(t.notes, label.key, label.params);
}
