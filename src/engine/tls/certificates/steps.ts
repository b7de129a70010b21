/** The plain-language record of a validation, one entry per check, for the UI to list. */

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
  /** The certificate the check is about, by common name. */
  subject: string;
  ok: boolean;
  detail: string;
}
