/**
 * QNAME minimisation on or off, and the name asked. The outcome lists what each server of the
 * tree was asked, which is everything it learned about the lookup.
 */
import { DNS_QUERY_TYPES } from '../../../engine/scenarios/catalog';
import type {
  QnameMinimisationOutcome,
  QnameMinimisationSettings,
} from '../../../engine/scenarios/lab/dns';
import { useStrings } from '../../hooks';
import { Checkbox, Facts, SelectField, TextField, ScrollBox } from '../common';
import type { EditorProps, LabParts, OutcomeProps } from '../types';

function QnameEditor({ params, change }: EditorProps<QnameMinimisationSettings>) {
  const t = useStrings();
  return (
    <div className="lab-form">
      <Checkbox
        label={t.lab.qname.toggle}
        checked={params.qnameMinimisation}
        onChange={(qnameMinimisation) => change({ ...params, qnameMinimisation })}
      />
      <TextField
        label={t.lab.dns.name}
        value={params.name}
        onChange={(name) => change({ ...params, name }, 'typing')}
      />
      <SelectField
        label={t.lab.dns.type}
        value={params.type as (typeof DNS_QUERY_TYPES)[number]}
        options={DNS_QUERY_TYPES.map((x) => [x, x] as const)}
        onChange={(type) => change({ ...params, type })}
      />
    </div>
  );
}

function QnameOutcomeView({
  outcome,
  params,
}: OutcomeProps<QnameMinimisationOutcome, QnameMinimisationSettings>) {
  const t = useStrings();
  const q = t.lab.qname;
  const o = outcome;
  return (
    <>
      <Facts
        rows={[
          [t.lab.dns.rcode, [o.lookup.rcode, ...o.lookup.addresses].join(' ')],
          [q.queries, String(o.lookup.queries.length)],
        ]}
      />
      <ScrollBox label={params.qnameMinimisation ? q.captionOn : q.captionOff}>
        <table className="lab-table qname-table">
          <caption>{params.qnameMinimisation ? q.captionOn : q.captionOff}</caption>
          <thead>
            <tr>
              <th scope="col">{q.server}</th>
              <th scope="col">{q.learned}</th>
            </tr>
          </thead>
          <tbody>
            {o.servers.map((s) => (
              <tr key={s.address}>
                <th scope="row">
                  {s.server}
                  <span className="server-detail">
                    {s.lane} · {s.address}
                  </span>
                </th>
                <td>
                  <ul className="plain-list">
                    {s.saw.map((x, i) => (
                      <li key={i}>
                        <code>{x}</code>
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollBox>
    </>
  );
}

export const qnameParts: LabParts<QnameMinimisationSettings, QnameMinimisationOutcome> = {
  Editor: QnameEditor,
  Outcome: QnameOutcomeView,
};
