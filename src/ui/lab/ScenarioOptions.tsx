/** The scenario picker's options, grouped: the basics, then the TLS lab, the DNS lab and the journey. */
import { SCENARIOS, type ScenarioGroup } from '../../engine/scenarios/catalog';
import { useStrings } from '../hooks';

const GROUPS: readonly ScenarioGroup[] = ['basics', 'tls-lab', 'dns-lab', 'journey'];

export function ScenarioOptions({ scenarioId }: { scenarioId: string }) {
  const t = useStrings();
  const listed = SCENARIOS.filter((s) => !s.unlisted || s.id === scenarioId);
  return (
    <>
      {GROUPS.map((group) => {
        const members = listed.filter((s) => (s.group ?? 'basics') === group);
        if (members.length === 0) return null;
        return (
          <optgroup key={group} label={t.lab.groups[group]}>
            {members.map((s) => (
              <option key={s.id} value={s.id}>
                {t.scenarios[s.id]?.title ?? s.title}
              </option>
            ))}
          </optgroup>
        );
      })}
    </>
  );
}
