/**
 * A parse problem of the DNS text forms (master files, names, addresses) as a key of the language
 * tables with its parameters (src/i18n/zone.en.ts). The errors carry the key; their own message is
 * the English text, for logs and the CLI, read from the same table the page reads.
 */
import { DECODE_TEXT_EN } from '../../i18n/decode.en';
import { translate } from '../../i18n/format';
import { NAME_TEXT_EN } from '../../i18n/name.en';
import type { ZoneKey } from '../../i18n/zone.en';

export type { ZoneKey };

/** Plain parameters; one named `cause` may hold another key (a NameError inside a zone line). */
export type ProblemParams = Readonly<Record<string, string | number>>;

/**
 * Names and addresses: what the first load parses. The master-file keys (`zone.*`) come with the
 * zone parser, which passes their table (./zone/text.ts).
 */
const TEXT_EN: Readonly<Record<string, string>> = { ...DECODE_TEXT_EN, ...NAME_TEXT_EN };

export function problemText(
  key: ZoneKey,
  params: ProblemParams,
  text: Readonly<Record<string, string>> = TEXT_EN,
): string {
  return translate(text, key, params);
}

/** An Error whose reason is a key with parameters. */
export class ProblemError extends Error {
  constructor(
    readonly key: ZoneKey,
    readonly params: ProblemParams = {},
    text?: Readonly<Record<string, string>>,
  ) {
    super(problemText(key, params, text));
  }
}
