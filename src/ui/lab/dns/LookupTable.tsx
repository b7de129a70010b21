/** Lookups in a row, one line each: when, what was asked, which layer answered, and with what. */
import type { LookupReport } from '../../../engine/scenarios/lab/dns';
import { useStrings } from '../../hooks';
import { ScrollBox } from '../common';
import { format } from '../../i18n';

export function seconds(ms: number): string {
  const s = ms / 1000;
  return Number.isInteger(s) ? String(s) : s.toFixed(3);
}

export function useLayerName(): (layer: string) => string {
  const t = useStrings();
  const layers = t.lab.dns.layers as Readonly<Record<string, string>>;
  return (layer) => layers[layer] ?? layer;
}

export function LookupTable({ lookups }: { lookups: readonly LookupReport[] }) {
  const t = useStrings();
  const d = t.lab.dns;
  const layerName = useLayerName();
  return (
    <ScrollBox label={d.lookupsCaption}>
      <table className="lab-table lookup-table">
        <caption className="visually-hidden">{d.lookupsCaption}</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{d.when}</th>
            <th scope="col">{d.question}</th>
            <th scope="col">{d.answeredBy}</th>
            <th scope="col">{d.answer}</th>
            <th scope="col">{d.messages}</th>
          </tr>
        </thead>
        <tbody>
          {lookups.map((l, i) => (
            <tr key={i}>
              <th scope="row">{i + 1}</th>
              <td>{format(d.atSeconds, { s: seconds(l.startedAtMs) })}</td>
              <td>
                {l.name} {l.type}
              </td>
              <td>{layerName(l.answeredBy)}</td>
              <td>
                {l.rcode === 'NOERROR' && l.result === 'nodata' ? 'NODATA' : l.rcode}
                {l.addresses.length > 0 && (
                  <span className="addresses"> {l.addresses.join(', ')}</span>
                )}
              </td>
              <td>{l.messages}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollBox>
  );
}
