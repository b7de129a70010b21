/**
 * The shape of each lab scenario's settings: which fields, of which JSON types. Settings the lab
 * panel makes always fit; settings read from elsewhere (an imported trace, a link) may not, and an
 * editor handed `{ "client": 5 }` would throw while it draws and take the page with it. So they
 * are checked against these shapes first; the values are checked against the limits afterwards
 * (./validate.ts). Pure, and free of the engine's lab modules, which are evaluated only when a lab runs.
 */
import type { BetweenConnections, CertificateProblem } from '../../engine/scenarios/lab';

/** Undefined when `v` fits, else one line saying where and why it does not. */
export type Shape = (v: unknown, at: string) => string | undefined;

export const bool: Shape = (v, at) =>
  typeof v === 'boolean' ? undefined : `${at} is not true or false`;

/** A finite number (ranges are the limits' business, not the shape's). */
export const num: Shape = (v, at) =>
  typeof v === 'number' && Number.isFinite(v) ? undefined : `${at} is not a number`;

export const text: Shape = (v, at) => (typeof v === 'string' ? undefined : `${at} is not text`);

export function oneOf(values: readonly (string | number)[]): Shape {
  return (v, at) =>
    (typeof v === 'string' || typeof v === 'number') && values.includes(v)
      ? undefined
      : `${at} is not one of ${values.join(', ')}`;
}

export function nullable(shape: Shape): Shape {
  return (v, at) => (v === null ? undefined : shape(v, at));
}

export function listOf(item: Shape): Shape {
  return (v, at) => {
    if (!Array.isArray(v)) return `${at} is not a list`;
    for (let i = 0; i < v.length; i++) {
      const problem = item(v[i], `${at}[${i}]`);
      if (problem) return problem;
    }
    return undefined;
  };
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  const proto = Object.getPrototypeOf(v) as unknown;
  return proto === Object.prototype || proto === null;
}

/** An object with exactly these fields (`optional` ones may be left out); no others. */
export function record(
  fields: Readonly<Record<string, Shape>>,
  optional: Readonly<Record<string, Shape>> = {},
): Shape {
  return (v, at) => {
    if (!isPlainObject(v)) return `${at} is not an object`;
    for (const key of Object.keys(v))
      if (!Object.hasOwn(fields, key) && !Object.hasOwn(optional, key))
        return `${at} has a field '${key.slice(0, 40)}' that these settings do not have`;
    for (const [key, shape] of Object.entries(fields)) {
      if (!Object.hasOwn(v, key)) return `${at}.${key} is missing`;
      const problem = shape(v[key], `${at}.${key}`);
      if (problem) return problem;
    }
    for (const [key, shape] of Object.entries(optional)) {
      if (!Object.hasOwn(v, key) || v[key] === undefined) continue;
      const problem = shape(v[key], `${at}.${key}`);
      if (problem) return problem;
    }
    return undefined;
  };
}

/** One of several objects, told apart by the value of field `key`. */
export function tagged(key: string, variants: Readonly<Record<string, Shape>>): Shape {
  return (v, at) => {
    if (!isPlainObject(v)) return `${at} is not an object`;
    const tag = v[key];
    const variant = typeof tag === 'string' && Object.hasOwn(variants, tag) ? variants[tag] : null;
    if (!variant) return `${at}.${key} is not one of ${Object.keys(variants).join(', ')}`;
    return variant(v, at);
  };
}

/**
 * Every value of a union type, listed once: a Record over the type makes the compiler refuse a
 * list that misses one when the engine adds it.
 */
function everyValue<T extends string>(all: Record<T, true>): T[] {
  return Object.keys(all) as T[];
}

const CERTIFICATE_PROBLEMS = everyValue<CertificateProblem>({
  none: true,
  expired: true,
  'not-yet-valid': true,
  'wrong-host': true,
  'self-signed': true,
  'unknown-ca': true,
  'missing-intermediate': true,
});
const BETWEEN = everyValue<BetweenConnections>({
  nothing: true,
  'server-cache-cleared': true,
  'ticket-key-rotated': true,
  'session-lifetime-passed': true,
});

const lists = { cipherSuites: listOf(num), groups: listOf(num), signatureSchemes: listOf(num) };
const lookupStep = record(
  { name: text },
  { type: text, afterSeconds: num, restart: oneOf(['browser', 'computer']) },
);

/** Each lab scenario's settings, by scenario id. */
export const LAB_PARAM_SHAPES: Readonly<Record<string, Shape>> = {
  'lab-tls-negotiation': record(
    {
      client: record(lists),
      server: record({ ...lists, preference: oneOf(['server', 'client']) }),
    },
    { serverNamesSuite: num },
  ),
  'lab-tls-resumption': record({
    server: record({ sessionCache: bool, tickets: bool }),
    client: record({ offerTickets: bool }),
    between: oneOf(BETWEEN),
  }),
  'lab-tls-certificates': record({ problem: oneOf(CERTIFICATE_PROBLEMS) }),
  'lab-tls-mitm': record({ trustAttackerCa: bool }),
  'lab-tls-tamper': record({ record: num, offset: num, mask: num, extendedMasterSecret: bool }),
  'lab-tls-ems': record({ clientOffers: bool, serverSupports: bool }),
  'lab-dns-time-travel': record({ steps: listOf(lookupStep) }),
  'lab-dns-negative': record({
    name: text,
    type: text,
    again: record({ type: text, afterSeconds: num }),
  }),
  'lab-dns-broken-servers': record({ name: text }),
  'lab-dns-poisoning': tagged('attack', {
    'out-of-bailiwick': record({ attack: text }),
    'forged-response': record({ attack: text, forgeries: num, attackerSeesQuery: bool }),
  }),
  'lab-dns-cname-loop': record({ name: text }),
  'lab-dns-gslb-failover': record({
    name: text,
    ttl: num,
    primary: text,
    secondary: text,
    healthCheck: record({ intervalSeconds: num, failureThreshold: num }),
    stopPrimaryAtSeconds: num,
    lookupsAtSeconds: listOf(num),
  }),
  'lab-dns-qname-minimisation': record({ name: text, type: text, qnameMinimisation: bool }),
  'lab-dns-zone-edit': record({ zone: text, text, lookups: listOf(lookupStep) }),
  'journey-visit': record({ url: text, againAfterSeconds: nullable(num) }),
};

/** Why `params` cannot be settings of lab scenario `lab`, or undefined when they can. */
export function labParamsShapeProblem(lab: string, params: unknown): string | undefined {
  const shape = Object.hasOwn(LAB_PARAM_SHAPES, lab) ? LAB_PARAM_SHAPES[lab] : undefined;
  if (!shape) return `there is no lab scenario '${lab.slice(0, 40)}'`;
  return shape(params, 'settings');
}
