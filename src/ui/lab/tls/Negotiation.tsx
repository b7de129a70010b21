/**
 * The negotiation editor: the client's offer and the server's lists (suites, groups, signature
 * algorithms), each reorderable, the server's preference mode, and a misbehaving server. The
 * outcome says which suite won and why, or which alert ended the handshake.
 */
import type {
  NegotiationLists,
  NegotiationOutcome,
  NegotiationSettings,
} from '../../../engine/scenarios/lab';
import { useStrings } from '../../hooks';
import { format, translate } from '../../i18n';
import { AlertText, Facts, SelectField, ShowOnDiagram } from '../common';
import { ReorderableList, type Choice } from '../ReorderableList';
import type { EditorProps, LabParts, OutcomeProps } from '../types';
import { useLabModules } from '../useLab';

type ListKey = keyof NegotiationLists;
/** The version lists an editor offers; the settings schema holds the same three. */
const VERSION_LISTS = ['1.2', '1.3', '1.2,1.3'] as const;
const LIST_KEYS: readonly ListKey[] = ['cipherSuites', 'groups', 'signatureSchemes'];

function NegotiationEditor({ params, change }: EditorProps<NegotiationSettings>) {
  const t = useStrings();
  const mods = useLabModules();
  if (!mods) return null;
  const choices = mods.tls.NEGOTIATION_CHOICES as Record<ListKey, readonly Choice[]>;
  const listName: Record<ListKey, string> = {
    cipherSuites: t.lab.negotiation.suites,
    groups: t.lab.negotiation.groups,
    signatureSchemes: t.lab.negotiation.signatureSchemes,
  };
  const side = (who: 'client' | 'server') => (
    <fieldset className="lab-side">
      <legend>{who === 'client' ? t.lab.negotiation.client : t.lab.negotiation.server}</legend>
      {LIST_KEYS.map((key) => (
        <ReorderableList
          key={key}
          legend={format(t.lab.negotiation.listOf, {
            side: who === 'client' ? t.lab.negotiation.client : t.lab.negotiation.server,
            list: listName[key],
          })}
          choices={choices[key]}
          value={params[who][key]}
          onChange={(list) => change({ ...params, [who]: { ...params[who], [key]: list } })}
        />
      ))}
      <SelectField
        label={format(t.lab.negotiation.versions, {
          side: who === 'client' ? t.lab.negotiation.client : t.lab.negotiation.server,
        })}
        value={params.versions?.[who] ?? '1.2'}
        options={VERSION_LISTS.map((v) => [v, t.lab.negotiation.versionChoices[v]] as const)}
        onChange={(v) =>
          change({
            ...params,
            versions: { client: '1.2', server: '1.2', ...params.versions, [who]: v },
          })
        }
      />
      {who === 'client' && (
        <SelectField
          label={t.lab.negotiation.onPath}
          value={params.attackerStripsTls13 ? 'strip' : ''}
          options={[
            ['', t.lab.negotiation.pathHonest],
            ['strip', t.lab.negotiation.pathStrips],
          ]}
          onChange={(v) => {
            const next: NegotiationSettings = { ...params };
            if (v === 'strip') next.attackerStripsTls13 = true;
            else delete next.attackerStripsTls13;
            change(next);
          }}
        />
      )}
      {who === 'server' && (
        <>
          <SelectField
            label={t.lab.negotiation.preference}
            value={params.server.preference}
            options={[
              ['server', t.lab.negotiation.preferServer],
              ['client', t.lab.negotiation.preferClient],
            ]}
            onChange={(preference) =>
              change({ ...params, server: { ...params.server, preference } })
            }
          />
          <SelectField
            label={t.lab.negotiation.misbehave}
            value={params.serverNamesSuite === undefined ? '' : String(params.serverNamesSuite)}
            options={[
              ['', t.lab.negotiation.followRfc],
              ...choices.cipherSuites.map(
                (c) =>
                  [String(c.id), format(t.lab.negotiation.namesSuite, { suite: c.name })] as const,
              ),
            ]}
            onChange={(v) => {
              const next: NegotiationSettings = { ...params };
              delete next.serverNamesSuite;
              if (v !== '') next.serverNamesSuite = Number(v);
              change(next);
            }}
          />
        </>
      )}
    </fieldset>
  );
  return (
    <div className="negotiation-editor">
      {side('client')}
      {side('server')}
    </div>
  );
}

function NegotiationOutcomeView({ outcome }: OutcomeProps<NegotiationOutcome>) {
  const t = useStrings();
  const o = outcome;
  const misnamed =
    o.serverHelloSuite !== undefined && o.serverChose && o.serverHelloSuite !== o.serverChose.id;
  return (
    <>
      <p className={`verdict ${o.ok ? 'good' : 'bad'}`}>
        {o.ok
          ? format(t.lab.negotiation.agreed, { suite: o.serverChose?.name ?? o.suite ?? '' })
          : t.lab.negotiation.failed}
      </p>
      {o.stripped && <p>{t.lab.negotiation.stripped}</p>}
      <Facts
        rows={[
          !!o.version && [t.lab.negotiation.version, o.version],
          !!o.serverChose && [t.lab.negotiation.chosenSuite, o.serverChose.name],
          !!o.serverChose?.reason && [
            t.lab.negotiation.why,
            translate(t.notes, o.serverChose.reason, o.serverChose.params),
          ],
          !!misnamed && [
            t.lab.negotiation.serverHelloSaid,
            `0x${o.serverHelloSuite!.toString(16).padStart(4, '0')}`,
          ],
          !!o.group && [t.lab.negotiation.group, o.group],
          !!o.signatureScheme && [t.lab.negotiation.signatureScheme, o.signatureScheme],
          !!o.alert && [t.lab.alert, <AlertText key="a" alert={o.alert} />],
        ]}
      />
      <div className="outcome-actions">
        <ShowOnDiagram find={(m) => m.name === 'ServerHello'} label={t.lab.showServerHello} />
        {o.alert && (
          <ShowOnDiagram
            find={(m) => m.name.startsWith('Alert') && m.from === o.alert!.sentBy}
            label={t.lab.showAlert}
          />
        )}
      </div>
    </>
  );
}

export const negotiationParts: LabParts<NegotiationSettings, NegotiationOutcome> = {
  Editor: NegotiationEditor,
  Outcome: NegotiationOutcomeView,
};
