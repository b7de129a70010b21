/**
 * The extended master secret on and off, at either end. The outcome shows the PRF label and seed
 * the master secret was derived with, and the master secret itself.
 */
import type { EmsOutcome, EmsSettings } from '../../../engine/scenarios/lab';
import { useStrings } from '../../hooks';
import { Checkbox, Facts, HexLine, OutcomeSection, ShowOnDiagram } from '../common';
import type { EditorProps, LabParts, OutcomeProps } from '../types';

function EmsEditor({ params, change }: EditorProps<EmsSettings>) {
  const t = useStrings();
  return (
    <div className="lab-form">
      <Checkbox
        label={t.lab.ems.clientOffers}
        checked={params.clientOffers}
        onChange={(clientOffers) => change({ ...params, clientOffers })}
      />
      <Checkbox
        label={t.lab.ems.serverSupports}
        checked={params.serverSupports}
        onChange={(serverSupports) => change({ ...params, serverSupports })}
      />
    </div>
  );
}

function EmsOutcomeView({ outcome }: OutcomeProps<EmsOutcome>) {
  const t = useStrings();
  const e = t.lab.ems;
  const o = outcome;
  return (
    <>
      <p className={`verdict ${o.extendedMasterSecret ? 'good' : 'neutral'}`}>
        {o.extendedMasterSecret ? e.used : e.notUsed}
      </p>
      <Facts
        rows={[
          [e.label, <code key="l">“{o.label}”</code>],
          [e.seedIs, o.seed.map((s) => s.name).join(' ‖ ')],
          [e.sidesAgree, o.sidesAgree ? t.lab.yes : t.lab.no],
        ]}
      />
      {o.seed.map((s) => (
        <OutcomeSection key={s.name} title={s.name}>
          <HexLine bytes={s.value} />
        </OutcomeSection>
      ))}
      <OutcomeSection title={e.masterSecret}>
        <HexLine bytes={o.masterSecret} />
      </OutcomeSection>
      <div className="outcome-actions">
        <ShowOnDiagram find={(m) => m.name === 'ClientKeyExchange'} label={e.showKeys} tab="keys" />
      </div>
    </>
  );
}

export const emsParts: LabParts<EmsSettings, EmsOutcome> = {
  Editor: EmsEditor,
  Outcome: EmsOutcomeView,
};
