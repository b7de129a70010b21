/**
 * Presentation mode's caption: under the diagram, in large text, the current message's name, where
 * it is in the run, and what it does (the same explanation as the inspector's Explain tab).
 */
import { selectInspected, selectView, useStore } from '../../store/store';
import { useStrings } from '../hooks';
import { displayName, format } from '../i18n';
import { codeMeaning, messageExplanation } from '../inspector/ExplainTab';
import { selectPresenting } from './selectors';
import { messageTitle } from '../i18n/message-title';

export function PresentationCaption() {
  const t = useStrings();
  const view = useStore(selectView);
  const step = useStore(selectInspected);
  const presenting = useStore(selectPresenting);
  const message = view?.messages[step];
  if (!presenting || !view || !message) return null;
  const meaning = codeMeaning(t, view, step);
  return (
    <section className="presentation-caption" aria-labelledby="presentation-caption-title">
      <p className="presentation-position">
        {format(t.ui.presentationPosition, { n: step + 1, total: view.messages.length })} ·{' '}
        {format(t.ui.fromTo, {
          from: displayName(t, message.from),
          to: displayName(t, message.to),
        })}
      </p>
      <h2 id="presentation-caption-title" className="presentation-name">
        {messageTitle(t, message)}
      </h2>
      <p className="presentation-text" aria-live="polite">
        {messageExplanation(t, view, step)}
        {meaning && ` ${meaning.text}`}
      </p>
    </section>
  );
}
