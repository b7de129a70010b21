/**
 * Alert, RFC 5246, Section 7.2: struct { AlertLevel level; AlertDescription description; } Alert;
 * Both bytes are kept raw, so an alert from a newer peer still decodes and shows its number.
 */
import { Reader, Writer, type Encoded } from '../../bytes';
import { alertDescriptionName, showAlertDescription, showAlertLevel } from '../enums';

export interface Alert {
  level: number;
  description: number;
}

/** "Alert fatal handshake_failure": the name the diagram shows. */
export function alertName(a: Alert): string {
  const level = a.level === 1 ? 'warning' : a.level === 2 ? 'fatal' : `level ${a.level}`;
  return `Alert ${level} ${alertDescriptionName(a.description)}`;
}

export function writeAlert(w: Writer, a: Alert): void {
  w.group(
    'Alert',
    (g) => {
      g.u8(a.level, 'level', { show: showAlertLevel, explain: 'tls.alert.level' });
      g.u8(a.description, 'description', {
        show: showAlertDescription,
        explain: 'tls.alert.description',
      });
    },
    { value: alertDescriptionName(a.description), explain: 'tls.alert' },
  );
}

export function encodeAlert(a: Alert): Encoded {
  const w = new Writer();
  writeAlert(w, a);
  return w.finish();
}

export function readAlert(r: Reader): Alert {
  return r.group(
    'Alert',
    (g) => {
      const level = g.u8('level', { show: showAlertLevel, explain: 'tls.alert.level' });
      const description = g.u8('description', {
        show: showAlertDescription,
        explain: 'tls.alert.description',
      });
      return { level, description };
    },
    { show: (a) => alertDescriptionName(a.description), explain: 'tls.alert' },
  );
}

/** Decodes exactly one two-byte alert; `encodeAlert` gives its spans. */
export function decodeAlert(bytes: Uint8Array): Alert {
  const r = new Reader(bytes);
  const alert = readAlert(r);
  r.expectEnd('Alert');
  return alert;
}
