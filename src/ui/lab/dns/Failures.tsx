/**
 * The DNS failure cases: names that do not exist (and negative caching), servers that fail,
 * cache poisoning attempts, and CNAME chains and loops. Each outcome says the rcode, who answered,
 * and what the resolver did about the failure.
 */
import { DNS_QUERY_TYPES } from '../../../engine/scenarios/catalog';
import type {
  BrokenServersOutcome,
  BrokenServersSettings,
  CnameOutcome,
  CnameSettings,
  LookupReport,
  NegativeOutcome,
  NegativeSettings,
  PoisoningOutcome,
  PoisoningSettings,
} from '../../../engine/scenarios/lab/dns';
import { useStrings } from '../../hooks';
import { format, formatMs } from '../../i18n';
import { Checkbox, Facts, NumberField, OutcomeSection, SelectField, TextField } from '../common';
import type { EditorProps, LabParts, OutcomeProps } from '../types';
import { LookupTable, useLayerName } from './LookupTable';
import { NUMBER_RANGES } from '../../../engine/scenarios/number-ranges';

type QueryType = (typeof DNS_QUERY_TYPES)[number];
const typeOptions = DNS_QUERY_TYPES.map((x) => [x, x] as const);

/** "NXDOMAIN", "NODATA" (NOERROR without records) or the rcode with the addresses. */
function resultOf(l: LookupReport): string {
  if (l.result === 'nodata') return 'NODATA';
  return [l.rcode, ...l.addresses].join(' ');
}

// --- names that do not exist ------------------------------------------------------------------

function NegativeEditor({ params, change }: EditorProps<NegativeSettings>) {
  const t = useStrings();
  const d = t.lab.dns;
  return (
    <div className="lab-form">
      <TextField
        label={d.name}
        value={params.name}
        onChange={(name) => change({ ...params, name }, 'typing')}
      />
      <SelectField
        label={d.firstType}
        value={params.type as QueryType}
        options={typeOptions}
        onChange={(type) => change({ ...params, type })}
      />
      <SelectField
        label={d.againType}
        value={params.again.type as QueryType}
        options={typeOptions}
        onChange={(type) => change({ ...params, again: { ...params.again, type } })}
      />
      <NumberField
        label={d.againAfter}
        unit={d.secondsUnit}
        value={params.again.afterSeconds}
        {...NUMBER_RANGES.negativeAgain}
        onChange={(afterSeconds) =>
          change({ ...params, again: { ...params.again, afterSeconds } }, 'typing')
        }
      />
    </div>
  );
}

function NegativeOutcomeView({ outcome }: OutcomeProps<NegativeOutcome>) {
  const t = useStrings();
  const d = t.lab.dns;
  const layerName = useLayerName();
  const o = outcome;
  const ttl = (v: number | null) =>
    v === null ? d.notCachedThere : format(t.ui.cacheTtlValue, { ttl: v });
  return (
    <>
      <Facts
        rows={[
          [
            d.firstLookup,
            format(d.lookupResult, {
              result: resultOf(o.first),
              layer: layerName(o.first.answeredBy),
            }),
          ],
          [
            d.secondLookup,
            format(d.lookupResult, {
              result: resultOf(o.again),
              layer: layerName(o.again.answeredBy),
            }),
          ],
        ]}
      />
      {o.soa && (
        <OutcomeSection title={format(d.soaOf, { zone: o.soa.zone })}>
          <Facts
            rows={[
              [d.soaTtl, format(t.ui.cacheTtlValue, { ttl: o.soa.ttlInZone })],
              [d.soaMinimum, format(t.ui.cacheTtlValue, { ttl: o.soa.minimum })],
              [d.soaSent, format(t.ui.cacheTtlValue, { ttl: o.soa.ttlSent })],
            ]}
          />
        </OutcomeSection>
      )}
      <OutcomeSection title={d.negativeCachedFor}>
        <Facts
          rows={[
            [layerName('Browser'), ttl(o.cachedFor.browser)],
            [layerName('OS resolver'), ttl(o.cachedFor.os)],
            [layerName('Recursive resolver'), ttl(o.cachedFor.recursive)],
          ]}
        />
      </OutcomeSection>
    </>
  );
}

export const negativeParts: LabParts<NegativeSettings, NegativeOutcome> = {
  Editor: NegativeEditor,
  Outcome: NegativeOutcomeView,
};

// --- servers that fail ------------------------------------------------------------------------

function BrokenServersOutcomeView({ outcome }: OutcomeProps<BrokenServersOutcome>) {
  const t = useStrings();
  const d = t.lab.dns;
  const o = outcome;
  return (
    <>
      <p className={`verdict ${o.allServersFailed ? 'bad' : 'good'}`}>
        {o.allServersFailed ? d.allFailed : format(d.stillAnswered, { result: resultOf(o.lookup) })}
      </p>
      <OutcomeSection title={d.failedServers}>
        <ul className="plain-list">
          {o.failed.map((f, i) => (
            <li key={i}>
              {f.why === 'timeout'
                ? format(d.failedTimeout, {
                    server: f.server,
                    address: f.address,
                    ms: formatMs(f.waitedMs ?? 0),
                  })
                : format(d.failedAnswer, {
                    server: f.server,
                    address: f.address,
                    why: t.values[f.why] ?? f.why,
                  })}
            </li>
          ))}
        </ul>
      </OutcomeSection>
      <Facts
        rows={[
          [
            d.usedServer,
            o.answeredBy ? `${o.answeredBy.server} (${o.answeredBy.address})` : d.nobody,
          ],
          [d.rcode, o.lookup.rcode],
          [d.finishedAfter, `${formatMs(o.lookup.finishedAtMs - o.lookup.startedAtMs)} ms`],
        ]}
      />
    </>
  );
}

export const brokenServersParts: LabParts<BrokenServersSettings, BrokenServersOutcome> = {
  Outcome: BrokenServersOutcomeView,
};

// --- cache poisoning --------------------------------------------------------------------------

function PoisoningEditor({ params, change }: EditorProps<PoisoningSettings>) {
  const t = useStrings();
  const p = t.lab.poisoning;
  return (
    <div className="lab-form">
      <SelectField
        label={p.attack}
        value={params.attack}
        options={[
          ['out-of-bailiwick', p.outOfBailiwick],
          ['forged-response', p.forged],
        ]}
        onChange={(attack) =>
          change(
            attack === 'out-of-bailiwick'
              ? { attack }
              : { attack, forgeries: 3, attackerSeesQuery: false },
          )
        }
      />
      {params.attack === 'forged-response' && (
        <>
          <NumberField
            label={p.forgeries}
            value={params.forgeries}
            {...NUMBER_RANGES.forgeries}
            onChange={(forgeries) => change({ ...params, forgeries })}
          />
          <Checkbox
            label={p.seesQuery}
            checked={params.attackerSeesQuery}
            onChange={(attackerSeesQuery) => change({ ...params, attackerSeesQuery })}
          />
        </>
      )}
    </div>
  );
}

function PoisoningOutcomeView({ outcome }: OutcomeProps<PoisoningOutcome>) {
  const t = useStrings();
  const p = t.lab.poisoning;
  const o = outcome;
  return (
    <>
      <p className={`verdict ${o.poisoned ? 'bad' : 'good'}`}>
        {o.poisoned ? p.poisoned : p.notPoisoned}
      </p>
      {o.refused.length > 0 && (
        <OutcomeSection title={p.refused}>
          <ul className="plain-list">
            {o.refused.map((r, i) => (
              <li key={i}>
                {format(p.refusedRecord, { record: r.record, section: r.section, zone: r.zone })}
              </li>
            ))}
          </ul>
        </OutcomeSection>
      )}
      {o.forgeries.length > 0 && (
        <OutcomeSection title={p.forgeriesTitle}>
          <ul className="plain-list">
            {o.forgeries.map((f, i) => (
              <li key={i}>
                {format(p.forgery[f.fate === 'too late' ? 'tooLate' : f.fate], {
                  id: f.id,
                  queryId: f.queryId,
                })}
              </li>
            ))}
          </ul>
        </OutcomeSection>
      )}
      <Facts
        rows={[
          [p.cached, o.cachedAfterAttack?.join(', ') ?? t.lab.dns.notCachedThere],
          [p.delegation, o.delegationAfterAttack?.join(', ') ?? t.lab.dns.notCachedThere],
          [p.browserGot, o.browserGot.join(', ')],
        ]}
      />
      <LookupTable lookups={o.lookups} />
    </>
  );
}

export const poisoningParts: LabParts<PoisoningSettings, PoisoningOutcome> = {
  Editor: PoisoningEditor,
  Outcome: PoisoningOutcomeView,
};

// --- CNAME chains and loops -------------------------------------------------------------------

function CnameOutcomeView({ outcome }: OutcomeProps<CnameOutcome>) {
  const t = useStrings();
  const c = t.lab.cname;
  const o = outcome;
  return (
    <>
      <p className={`verdict ${o.loopAt ? 'bad' : 'good'}`}>
        {o.loopAt ? format(c.loop, { name: o.loopAt }) : c.noLoop}
      </p>
      <OutcomeSection title={c.chain}>
        <ol className="chain-names">
          {o.chain.map((name, i) => (
            <li key={i} className={name === o.loopAt ? 'repeat' : undefined}>
              {name}
            </li>
          ))}
        </ol>
      </OutcomeSection>
      <Facts rows={[[t.lab.dns.rcode, resultOf(o.lookup)]]} />
    </>
  );
}

export const cnameParts: LabParts<CnameSettings, CnameOutcome> = {
  Outcome: CnameOutcomeView,
};
