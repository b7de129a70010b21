export { validateChain, type ChainResult, type ValidateOptions } from './validate';
export type { ValidationStep, ValidationCheck } from './steps';
export { PROBLEM_OF_FAULT, type CertificateError, type CertificateErrorKind } from './errors';
export {
  summarizeCertificate,
  leafPublicKey,
  type CertSummary,
  type PublicKeyKind,
  type TlsKeyType,
} from './summary';
export { pemToDerList, derToPem, PemError, type PemLabel } from './pem';
export { CertificateParseError } from './parse';
export { matchHostname, dnsNameMatches } from './hostname';
