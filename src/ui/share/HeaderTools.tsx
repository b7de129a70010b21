/**
 * The header's right-hand tools: the language switch (remembered), presentation mode, the "?"
 * shortcut overlay, and "Export and share". They stay in the slim header of presentation mode.
 */
import { Suspense, useId } from 'react';
import { selectLanguage, useStore } from '../../store/store';
import { useStrings } from '../hooks';
import { useDisclosure } from '../disclosure';
import { LANGUAGE_CODES, LANGUAGE_NAMES, isLanguage } from '../i18n';
import { switchLanguage } from '../i18n/switch-language';
import { selectPresenting } from '../present/selectors';
import { SharePanel } from '../lazy';
import { CaptureOpener } from '../capture/CaptureOpener';
import '../i18n/lang.css';
import './share.css';

export function HeaderTools() {
  const t = useStrings();
  const language = useStore(selectLanguage);
  const presenting = useStore(selectPresenting);
  const languageId = useId();
  const s = useStore.getState;
  return (
    <div className="header-tools">
      <label className="field language-switch" htmlFor={languageId}>
        <span>{t.ui.language}</span>
        <select
          id={languageId}
          value={language}
          onChange={(e) => {
            if (isLanguage(e.target.value)) switchLanguage(e.target.value);
          }}
        >
          {LANGUAGE_CODES.map((code) => (
            <option key={code} value={code} lang={code}>
              {LANGUAGE_NAMES[code]}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        className={`button ${presenting ? 'primary' : 'ghost'}`}
        onClick={() => s().setPresenting(!presenting)}
      >
        {presenting ? t.ui.presentationExit : t.ui.presentation}
      </button>
      <button
        type="button"
        className="button ghost shortcuts-button"
        aria-label={t.ui.shortcuts}
        title={`${t.ui.shortcuts} (?)`}
        onClick={() => s().setShortcutsOpen(true)}
      >
        ?
      </button>
      <CaptureOpener />
      <ShareMenu />
    </div>
  );
}

/** The "Export and share" button; its popover (SharePanel) is fetched when first opened. */
function ShareMenu() {
  const t = useStrings();
  const { open, toggle, close, rootRef, buttonRef } = useDisclosure();
  const panelId = useId();
  return (
    <div className="share-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="button ghost"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={toggle}
      >
        {t.ui.share}
      </button>
      {open && (
        // While the chunk loads, an empty element holds the id, so aria-controls never names a
        // missing element (axe: aria-valid-attr-value) between the click and the panel.
        <Suspense fallback={<div id={panelId} />}>
          <SharePanel panelId={panelId} onClose={close} />
        </Suspense>
      )}
    </div>
  );
}
