/**
 * The settings of the header's scenarios (a TLS connection, a DNS lookup) as schemas: the one
 * description of their shape and limits, which a link, an imported trace and the CLI check with,
 * as lab scenarios check theirs with lab-settings.ts.
 */
import {
  MAX_DNS_RUN_LOOKUPS,
  checkClockJump,
  checkConnections,
  checkHostname,
  checkLookupCount,
  checkSeed,
  checkServerName,
} from '../limits';
import {
  DEMO_SUITES,
  DNS_QUERY_TYPES,
  TLS_VERSION_CHOICES,
  type DnsLookupStep,
  type DnsSettings,
  type SuiteChoice,
  type TlsSettings,
} from './catalog';
import { boolean, checkedNumber, list, oneOf, record, text, type Schema } from './settings-schema';

const seed = text(Infinity, checkSeed);

export const tlsSettingsSchema: Schema<TlsSettings> = record<TlsSettings>(
  {
    kind: oneOf(['tls'] as const),
    serverName: text(Infinity, checkServerName),
    suite: oneOf<SuiteChoice>(['all', ...DEMO_SUITES]),
    seed,
    connections: checkedNumber(checkConnections),
    requestClientCertificate: boolean,
    versions: oneOf(TLS_VERSION_CHOICES),
    helloRetry: boolean,
    resume: boolean,
    compareVersions: boolean,
    keyUpdate: boolean,
  },
  [
    'connections',
    'requestClientCertificate',
    'versions',
    'helloRetry',
    'resume',
    'compareVersions',
    'keyUpdate',
  ],
);

const lookupStep = record<DnsLookupStep>({ afterSeconds: checkedNumber((s) => checkClockJump(s)) });

export const dnsSettingsSchema: Schema<DnsSettings> = record<DnsSettings>({
  kind: oneOf(['dns'] as const),
  name: text(Infinity, checkHostname),
  type: oneOf(DNS_QUERY_TYPES),
  seed,
  lookups: list(lookupStep, {
    min: 0,
    max: MAX_DNS_RUN_LOOKUPS,
    count: (n) => checkLookupCount(n, MAX_DNS_RUN_LOOKUPS),
  }),
});

/** The schema of each header scenario kind's settings. */
export const HEADER_SETTINGS_SCHEMAS: {
  readonly tls: Schema<TlsSettings>;
  readonly dns: Schema<DnsSettings>;
} = { tls: tlsSettingsSchema, dns: dnsSettingsSchema };
