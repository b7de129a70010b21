/**
 * The one notice above the diagram: a link that could not be opened, a failed import (the run on
 * screen is untouched), where an imported trace came from. Errors are announced as alerts.
 */
import { useStore, type Store } from '../../store/store';
import { errorText } from '../error-text';
import { useStrings } from '../hooks';
import { format, type Strings } from '../i18n';
import type { Notice } from '../../store/slices/share';

const selectNotice = (s: Store) => s.notice;

export function noticeText(t: Strings, notice: Notice): string {
  const params: Record<string, string | number> = { ...notice.params };
  if (notice.reason) params['reason'] = format(t.ui[notice.reason.message], notice.reason.params);
  return format(t.ui[notice.message], params);
}

export function ShareNotice() {
  const t = useStrings();
  const notice = useStore(selectNotice);
  if (!notice) return null;
  return (
    <div
      className={`share-notice ${notice.tone}`}
      role={notice.tone === 'error' ? 'alert' : 'status'}
    >
      <p>{errorText(noticeText(t, notice))}</p>
      <button
        type="button"
        className="button ghost"
        onClick={() => useStore.getState().dismissNotice()}
      >
        {t.ui.dismiss}
      </button>
    </div>
  );
}
