/**
 * The English of master-file problems: ../problem.ts with the `zone.*` keys added, for the zone
 * parser and the zone editor. Apart from ../problem.ts so the first load, which parses names but
 * no master file, does not carry these texts.
 */
import { DNS_DECODE_TEXT_EN } from '../../../i18n/decode-dns.en';
import { DECODE_TEXT_EN } from '../../../i18n/decode.en';
import { ZONE_TEXT_EN } from '../../../i18n/zone.en';
import { limitFailure, zoneTextProblem, type LimitCheck } from '../../limits';
import { problemText, type ProblemParams, type ZoneKey } from '../problem';

const TEXT_EN: Readonly<Record<string, string>> = {
  ...DECODE_TEXT_EN,
  ...DNS_DECODE_TEXT_EN,
  ...ZONE_TEXT_EN,
};

/** A master-file, name or address problem in English. */
export function zoneProblemText(key: ZoneKey, params: ProblemParams): string {
  return problemText(key, params, TEXT_EN);
}

/** The table for ProblemError's subclasses that carry `zone.*` keys. */
export const ZONE_PROBLEM_TEXT_EN = TEXT_EN;

/**
 * The size caps a zone file's text must meet before it is parsed (../../limits.ts); the parser
 * enforces the same caps (and MAX_ZONE_RECORDS) itself, with the line number (./parse.ts).
 */
export function checkZoneText(text: string): LimitCheck {
  const problem = zoneTextProblem(text);
  return problem
    ? limitFailure('limit.zone_line', {
        ...problem.params,
        line: problem.line,
        reason: problem.key,
      })
    : { ok: true };
}
