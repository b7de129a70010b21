import { useShallow } from 'zustand/react/shallow';
import type { MessageEvent } from '../../engine/trace';
import {
  selectHoveredField,
  selectSelectedField,
  selectSelectionActions,
  useStore,
} from '../../store/store';
import { useStrings } from '../hooks';
import { format } from '../i18n';
import { HexDump } from './HexDump';
import { FieldDetails } from './FieldDetails';
import { toHex } from './hex';
import { messageTitle } from '../i18n/message-title';

/** The message's bytes; for an encrypted record also the plaintext, the nonce and the AAD. */
export function BytesTab({ message }: { message: MessageEvent }) {
  const t = useStrings();
  const selected = useStore(selectSelectedField);
  const hovered = useStore(selectHoveredField);
  const { selectField, hoverField } = useStore(useShallow(selectSelectionActions));
  const d = message.decrypted;
  return (
    <div className="bytes-tab">
      <p className="hint">{t.ui.hexHint}</p>
      <FieldDetails message={message} field={hovered ?? selected} />
      <h3>{d ? t.ui.ciphertext : t.ui.wireBytes}</h3>
      <HexDump
        bytes={message.bytes}
        spans={message.spans}
        part="wire"
        selected={selected}
        hovered={hovered}
        label={format(t.ui.hexDumpLabel, { what: d ? t.ui.ciphertext : messageTitle(t, message) })}
        onHover={hoverField}
        onSelect={selectField}
      />
      {d && (
        <>
          <h3>{t.ui.nonce}</h3>
          <p className="hint">{t.ui.nonceHelp}</p>
          <code className="hexline">{toHex(d.nonce, ' ')}</code>
          <h3>{t.ui.aad}</h3>
          <p className="hint">{t.ui.aadHelp}</p>
          <AadBreakdown aad={d.aad} />
          <h3>{t.ui.plaintext}</h3>
          <HexDump
            bytes={d.plaintext}
            spans={d.spans}
            part="plain"
            selected={selected}
            hovered={hovered}
            label={format(t.ui.hexDumpLabel, { what: t.ui.plaintext })}
            onHover={hoverField}
            onSelect={selectField}
          />
        </>
      )}
    </div>
  );
}

/** RFC 5246, Section 6.2.3.3: seq_num(8) ‖ type(1) ‖ version(2) ‖ length(2). */
function AadBreakdown({ aad }: { aad: Uint8Array }) {
  const t = useStrings();
  if (aad.length !== 13) return <code className="hexline">{toHex(aad, ' ')}</code>;
  const parts = [
    [t.ui.aadSeq, aad.subarray(0, 8)],
    [t.ui.aadType, aad.subarray(8, 9)],
    [t.ui.aadVersion, aad.subarray(9, 11)],
    [t.ui.aadLength, aad.subarray(11, 13)],
  ] as const;
  return (
    <dl className="aad">
      {parts.map(([name, bytes]) => (
        <div key={name}>
          <dt>{name}</dt>
          <dd>
            <code>{toHex(bytes, ' ')}</code>
          </dd>
        </div>
      ))}
    </dl>
  );
}
