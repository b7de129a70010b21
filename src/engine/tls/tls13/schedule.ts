/**
 * The TLS 1.3 key schedule as one side walks it during a handshake (RFC 8446, Section 7.1):
 *
 *                 0
 *                 |
 *       PSK ->  HKDF-Extract = Early Secret ── binder_key, client_early_traffic_secret
 *                 |
 *           Derive-Secret(., "derived", "")
 *                 |
 *   (EC)DHE -> HKDF-Extract = Handshake Secret ── [sender]_handshake_traffic_secret
 *                 |
 *           Derive-Secret(., "derived", "")
 *                 |
 *        0 -> HKDF-Extract = Master Secret ── [sender]_application_traffic_secret_0,
 *                                             exporter_master_secret, resumption_master_secret
 *
 * Every value it makes is reported, with the HKDF step that made it and that step's inputs
 * (salt and IKM for HKDF-Extract; secret, label, context and length for HKDF-Expand-Label), so the
 * Keys tab can show each one and how to reproduce it with `openssl kdf … HKDF`.
 */
import { hash as hashOf, hashLength, hmac, type HashName } from '../../crypto/hash';
import type { SecretRecord } from '../key-schedule';
import { hkdfExpandLabel, hkdfExtract, type Tls13Suite } from './key-schedule';

/** RFC 8446, Section 7.1: the labels, without their "tls13 " prefix. */
export const LABEL = {
  extBinder: 'ext binder',
  resBinder: 'res binder',
  clientEarlyTraffic: 'c e traffic',
  earlyExporter: 'e exp master',
  derived: 'derived',
  clientHandshakeTraffic: 'c hs traffic',
  serverHandshakeTraffic: 's hs traffic',
  clientApplicationTraffic: 'c ap traffic',
  serverApplicationTraffic: 's ap traffic',
  exporterMaster: 'exp master',
  resumptionMaster: 'res master',
  finished: 'finished',
  resumption: 'resumption',
  trafficUpdate: 'traffic upd',
} as const;

export type BinderKind = 'res' | 'ext';

export interface HandshakeTrafficSecrets {
  client: Uint8Array;
  server: Uint8Array;
}

export interface ApplicationTrafficSecrets {
  client: Uint8Array;
  server: Uint8Array;
  exporter: Uint8Array;
}

type Report = (secrets: SecretRecord[]) => void;

/**
 * One handshake's key schedule. The stages must be entered in order: early, handshake, master.
 * `report` receives every derived value as it is made (the state machines pass ctx.secrets).
 */
export class Tls13KeySchedule {
  readonly hash: HashName;
  readonly hashLength: number;
  private early?: Uint8Array;
  private handshake?: Uint8Array;
  private master?: Uint8Array;

  constructor(
    readonly suite: Tls13Suite,
    private readonly report: Report = () => undefined,
  ) {
    this.hash = suite.hash;
    this.hashLength = hashLength(suite.hash);
  }

  /** Hash("") : the Derive-Secret context when Messages is empty (RFC 8446, Section 7.1). */
  get emptyHash(): Uint8Array {
    return hashOf(this.hash, new Uint8Array(0));
  }

  private zeros(): Uint8Array {
    return new Uint8Array(this.hashLength);
  }

  private extract(
    name: string,
    explain: string,
    salt: Uint8Array,
    ikm: Uint8Array,
    saltName: string,
    ikmName: string,
  ): Uint8Array {
    const value = hkdfExtract(this.hash, salt, ikm);
    this.report([
      {
        name,
        value,
        inputs: [
          { name: 'step', value: 'HKDF-Extract' },
          { name: 'hash', value: this.hash },
          { name: `salt (${saltName})`, value: salt },
          { name: `IKM (${ikmName})`, value: ikm },
        ],
        explain,
      },
    ]);
    return value;
  }

  /** HKDF-Expand-Label, reported (RFC 8446, Section 7.1). */
  expandLabel(
    name: string,
    explain: string,
    secret: Uint8Array,
    secretName: string,
    label: string,
    context: Uint8Array,
    length: number,
    contextName = 'context',
  ): Uint8Array {
    const value = hkdfExpandLabel(this.hash, secret, label, context, length);
    this.report([
      {
        name,
        value,
        inputs: [
          { name: 'step', value: 'HKDF-Expand-Label' },
          { name: 'hash', value: this.hash },
          { name: `secret (${secretName})`, value: secret },
          { name: 'label', value: `tls13 ${label}` },
          { name: contextName, value: context },
          { name: 'length', value: String(length) },
        ],
        explain,
      },
    ]);
    return value;
  }

  /** Derive-Secret(Secret, Label, Messages) with Transcript-Hash(Messages) given. */
  private deriveSecret(
    name: string,
    secret: Uint8Array,
    secretName: string,
    label: string,
    transcriptHash: Uint8Array,
    contextName = 'transcript hash',
  ): Uint8Array {
    return this.expandLabel(
      name,
      `secret.tls13.${name}`,
      secret,
      secretName,
      label,
      transcriptHash,
      this.hashLength,
      contextName,
    );
  }

  /**
   * Early Secret = HKDF-Extract(salt = 0, IKM = PSK), or IKM = 0 (a string of Hash.length zeros)
   * when no PSK is in use (RFC 8446, Section 7.1).
   */
  earlySecret(psk?: Uint8Array): Uint8Array {
    this.early = this.extract(
      'early_secret',
      psk ? 'secret.tls13.early_secret.psk' : 'secret.tls13.early_secret',
      this.zeros(),
      psk ?? this.zeros(),
      '0',
      psk ? 'PSK' : '0',
    );
    return this.early;
  }

  /** binder_key = Derive-Secret(Early Secret, "ext binder" | "res binder", "") (Section 7.1). */
  binderKey(kind: BinderKind): Uint8Array {
    return this.deriveSecret(
      'binder_key',
      this.need(this.early, 'early'),
      'early_secret',
      kind === 'res' ? LABEL.resBinder : LABEL.extBinder,
      this.emptyHash,
      'Hash("")',
    );
  }

  /**
   * The PSK binder (RFC 8446, Section 4.2.11.2): computed as Finished is (Section 4.4.4), with
   * binder_key as the base key, over the transcript up to and including the truncated ClientHello
   * (every byte before the binders list).
   */
  binder(kind: BinderKind, truncatedTranscriptHash: Uint8Array): Uint8Array {
    const key = this.binderKey(kind);
    return this.verifyData('binder', key, 'binder_key', truncatedTranscriptHash);
  }

  /** client_early_traffic_secret = Derive-Secret(Early Secret, "c e traffic", ClientHello). */
  clientEarlyTrafficSecret(clientHelloHash: Uint8Array): Uint8Array {
    return this.deriveSecret(
      'client_early_traffic_secret',
      this.need(this.early, 'early'),
      'early_secret',
      LABEL.clientEarlyTraffic,
      clientHelloHash,
    );
  }

  /**
   * Handshake Secret = HKDF-Extract(salt = Derive-Secret(Early Secret, "derived", ""),
   * IKM = (EC)DHE shared secret) (Section 7.1). Enters the early stage first if no PSK did.
   */
  handshakeSecret(sharedSecret: Uint8Array): Uint8Array {
    const early = this.early ?? this.earlySecret();
    const derived = this.deriveSecret(
      'derived_early',
      early,
      'early_secret',
      LABEL.derived,
      this.emptyHash,
      'Hash("")',
    );
    this.handshake = this.extract(
      'handshake_secret',
      'secret.tls13.handshake_secret',
      derived,
      sharedSecret,
      'derived',
      '(EC)DHE shared secret',
    );
    return this.handshake;
  }

  /** [sender]_handshake_traffic_secret over ClientHello...ServerHello (Section 7.1). */
  handshakeTrafficSecrets(helloHash: Uint8Array): HandshakeTrafficSecrets {
    const hs = this.need(this.handshake, 'handshake');
    return {
      client: this.deriveSecret(
        'client_handshake_traffic_secret',
        hs,
        'handshake_secret',
        LABEL.clientHandshakeTraffic,
        helloHash,
      ),
      server: this.deriveSecret(
        'server_handshake_traffic_secret',
        hs,
        'handshake_secret',
        LABEL.serverHandshakeTraffic,
        helloHash,
      ),
    };
  }

  /** Master Secret = HKDF-Extract(salt = Derive-Secret(Handshake Secret, "derived", ""), IKM = 0). */
  masterSecret(): Uint8Array {
    const derived = this.deriveSecret(
      'derived_handshake',
      this.need(this.handshake, 'handshake'),
      'handshake_secret',
      LABEL.derived,
      this.emptyHash,
      'Hash("")',
    );
    this.master = this.extract(
      'master_secret',
      'secret.tls13.master_secret',
      derived,
      this.zeros(),
      'derived',
      '0',
    );
    return this.master;
  }

  /**
   * [sender]_application_traffic_secret_0 and exporter_master_secret over ClientHello...server
   * Finished (Section 7.1). Enters the master stage if it was not yet.
   */
  applicationTrafficSecrets(serverFinishedHash: Uint8Array): ApplicationTrafficSecrets {
    const master = this.master ?? this.masterSecret();
    return {
      client: this.deriveSecret(
        'client_application_traffic_secret_0',
        master,
        'master_secret',
        LABEL.clientApplicationTraffic,
        serverFinishedHash,
      ),
      server: this.deriveSecret(
        'server_application_traffic_secret_0',
        master,
        'master_secret',
        LABEL.serverApplicationTraffic,
        serverFinishedHash,
      ),
      exporter: this.deriveSecret(
        'exporter_master_secret',
        master,
        'master_secret',
        LABEL.exporterMaster,
        serverFinishedHash,
      ),
    };
  }

  /** resumption_master_secret over ClientHello...client Finished (Section 7.1). */
  resumptionMasterSecret(clientFinishedHash: Uint8Array): Uint8Array {
    return this.deriveSecret(
      'resumption_master_secret',
      this.need(this.master, 'master'),
      'master_secret',
      LABEL.resumptionMaster,
      clientFinishedHash,
    );
  }

  /**
   * The PSK a NewSessionTicket stands for (Section 4.6.1):
   * HKDF-Expand-Label(resumption_master_secret, "resumption", ticket_nonce, Hash.length).
   */
  ticketPsk(resumptionMasterSecret: Uint8Array, ticketNonce: Uint8Array): Uint8Array {
    return this.expandLabel(
      'ticket_psk',
      'secret.tls13.ticket_psk',
      resumptionMasterSecret,
      'resumption_master_secret',
      LABEL.resumption,
      ticketNonce,
      this.hashLength,
      'ticket_nonce',
    );
  }

  /** finished_key = HKDF-Expand-Label(BaseKey, "finished", "", Hash.length) (Section 4.4.4). */
  finishedKey(side: string, baseKey: Uint8Array, baseKeyName: string): Uint8Array {
    return this.expandLabel(
      `${side}_finished_key`,
      `secret.tls13.finished_key`,
      baseKey,
      baseKeyName,
      LABEL.finished,
      new Uint8Array(0),
      this.hashLength,
    );
  }

  /**
   * verify_data = HMAC(finished_key, Transcript-Hash(Handshake Context, Certificate*,
   * CertificateVerify*)) (Section 4.4.4). `side` names it: "server", "client" or "binder".
   */
  verifyData(
    side: string,
    baseKey: Uint8Array,
    baseKeyName: string,
    transcriptHash: Uint8Array,
  ): Uint8Array {
    const key = this.finishedKey(side, baseKey, baseKeyName);
    const value = hmac(this.hash, key, transcriptHash);
    this.report([
      {
        name: side === 'binder' ? 'binder' : `${side}_verify_data`,
        value,
        inputs: [
          { name: 'step', value: 'HMAC' },
          { name: 'hash', value: this.hash },
          { name: `key (${side}_finished_key)`, value: key },
          { name: 'transcript hash', value: transcriptHash },
        ],
        explain: side === 'binder' ? 'secret.tls13.binder' : 'secret.tls13.verify_data',
      },
    ]);
    return value;
  }

  /** application_traffic_secret_N+1 after a KeyUpdate (Section 7.2). */
  nextTrafficSecret(side: 'client' | 'server', secret: Uint8Array, generation: number): Uint8Array {
    return this.expandLabel(
      `${side}_application_traffic_secret_${generation}`,
      'secret.tls13.traffic_update',
      secret,
      `${side}_application_traffic_secret_${generation - 1}`,
      LABEL.trafficUpdate,
      new Uint8Array(0),
      this.hashLength,
    );
  }

  private need(secret: Uint8Array | undefined, stage: string): Uint8Array {
    if (!secret) throw new Error(`TLS 1.3 key schedule: the ${stage} secret is not derived yet`);
    return secret;
  }
}
