/** The plain-language record of a validation, one entry per check, for the UI to list. */
import type { CertStepKey } from '../../../i18n/cert.en';

export type { CertStepKey };

export type ValidationCheck =
  | 'parse'
  | 'issuer'
  | 'signature'
  | 'trust_anchor'
  | 'validity'
  | 'critical_extensions'
  | 'basic_constraints'
  | 'path_length'
  | 'key_usage'
  | 'extended_key_usage'
  | 'hostname';

export interface ValidationStep {
  check: ValidationCheck;
  /**
   * The certificate the check is about, by common name; absent for one that could not be parsed,
   * which `params.index` numbers and the step's text names in the reader's language.
   */
  subject?: string;
  ok: boolean;
  /** What was found, as a key of the language tables (src/i18n/cert.en.ts), filled from `params`. */
  detail: CertStepKey;
  params: Readonly<Record<string, string | number>>;
}
