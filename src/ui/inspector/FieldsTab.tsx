import { useShallow } from 'zustand/react/shallow';
import type { MessageEvent } from '../../engine/trace';
import { selectSelectedField, selectSelectionActions, useStore } from '../../store/store';
import { useStrings } from '../hooks';
import { format } from '../i18n';
import { FieldDetails } from './FieldDetails';
import { FieldTree } from './FieldTree';
import { messageTitle } from '../i18n/message-title';

/** The decoded span tree; for an encrypted record, the record's and then the plaintext's. */
export function FieldsTab({ message }: { message: MessageEvent }) {
  const t = useStrings();
  const selected = useStore(selectSelectedField);
  const { selectField, hoverField } = useStore(useShallow(selectSelectionActions));
  const d = message.decrypted;
  return (
    <div className="fields-tab">
      <FieldDetails message={message} field={selected} />
      {d && <h3>{t.ui.ciphertext}</h3>}
      <FieldTree
        spans={message.spans}
        bytes={message.bytes}
        part="wire"
        selected={selected}
        label={format(t.ui.fieldsLabel, { what: messageTitle(t, message) })}
        onHover={hoverField}
        onSelect={selectField}
      />
      {d && (
        <>
          <h3>{t.ui.plaintext}</h3>
          <FieldTree
            spans={d.spans}
            bytes={d.plaintext}
            part="plain"
            selected={selected}
            label={format(t.ui.fieldsLabel, { what: t.ui.plaintext })}
            onHover={hoverField}
            onSelect={selectField}
          />
        </>
      )}
    </div>
  );
}
