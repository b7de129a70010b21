/**
 * One side of a TLS connection: the record layer around a state machine. Bytes in, records out,
 * and every record sent (or, against a real peer, received) becomes a Trace message event.
 * Any error becomes a typed TlsError, then exactly one fatal alert (errors.ts), then Closed.
 */
import { DecodeError } from '../bytes/errors';
import { toHex } from '../bytes/hex';
import type { Span } from '../bytes/span';
import { lazyEncoded, type Encoded } from '../bytes/writer';
import type { Clock } from '../sim/clock';
import type { Rng } from '../sim/rng';
import type { TraceRecorder } from '../trace';
import { AeadAuthError } from '../crypto/errors';
import type { DerivedSecret, HandshakeContext, Incoming, Machine, Negotiated } from './context';
import {
  AlertDescription,
  AlertLevel,
  ContentType,
  ProtocolVersion,
  alertDescriptionName,
  contentTypeName,
  versionName,
} from './enums';
import { TlsFailure, alertFor, faultKey, type TlsError } from './errors';
import { HandshakeBuffer, type BufferedHandshake } from './handshake-buffer';
import { decodeAlert, encodeAlert } from './messages/alert';
import { decodeChangeCipherSpec, encodeChangeCipherSpec } from './messages/change-cipher-spec';
import {
  encodeHandshakeLazily,
  handshakeDisplayName,
  nameForType,
  type HandshakeMessage,
} from './messages/handshake';
import { BadRecordMac, RecordOverflow as PlaintextOverflow, RecordProtector } from './protection';
import { MAX_PLAINTEXT, RecordOverflow, RecordSplitter, UnknownContentType } from './record';
import { describeApplicationData } from './application-data';
import {
  RecordWriter,
  TLS13_RECORD_SHAPE,
  type RecordShape,
  type SentRecord,
} from './record-writer';
import type { Tls13RecordProtection } from './tls13/key-schedule';
import { Tls13NotLoaded, loadTls13, tls13Parts } from './tls13-parts';
import { Transcript } from './transcript';

/**
 * Warning alerts in a row that end the connection: OpenSSL's MAX_WARN_ALERT_COUNT (5), in
 * ssl/record/record.h, which its ssl3_read_bytes() turns into unexpected_message.
 */
export const MAX_WARNING_ALERTS_IN_A_ROW = 5;

/**
 * How much refused early data a TLS 1.3 server skips before it gives up: 2^14 bytes, OpenSSL's
 * default max_early_data (SSL3_RT_MAX_PLAIN_LENGTH), counted as OpenSSL counts it, each record's
 * encrypted length less its tag and inner content type.
 */
export const MAX_SKIPPED_EARLY_DATA = 2 ** 14;
const EARLY_RECORD_OVERHEAD = 16 + 1;

export interface ConnectionEnv {
  rng: Rng;
  clock: Clock;
  trace: TraceRecorder;
  /** This side's lane ("Client" or "Server") and the peer's. */
  lane: string;
  peerLane: string;
  /**
   * Record received messages in the trace too. Off when both sides run in memory (each records
   * what it sends); on against a real peer, whose messages we only ever receive. Ignored when
   * the recorder keeps no events.
   */
  traceReceived: boolean;
  /**
   * Take the peer's close_notify as a half-close: stay open for writing until close() is called,
   * as OpenSSL, GnuTLS and Go do, so a request that came with it can still be answered. Off, we
   * answer close_notify with our own at once (RFC 5246, Section 7.2.1).
   */
  halfClose?: boolean;
}

export class TlsConnection<S extends { name: string }> {
  private state: S | { name: 'Start' } | { name: 'Closed' } = { name: 'Start' };
  private readonly splitter = new RecordSplitter();
  private readonly handshakeBuffer = new HandshakeBuffer();
  /** Warning alerts received with no other record between them (see onAlert). */
  private warningAlertsInARow = 0;
  private readonly writer: RecordWriter;
  private reader?: RecordProtector;
  private readSuite?: RecordShape;
  /** TLS 1.3 (RFC 8446, Section 5): set once the hellos agree on it. */
  private tls13 = false;
  private reader13?: Tls13RecordProtection;
  /** Refused early data still to skip (skipEarlyData), in bytes; 0 once skipping has ended. */
  private earlyDataToSkip = 0;
  private readonly outgoing: Uint8Array[] = [];
  private readonly context: HandshakeContext;
  readonly transcript = new Transcript();
  readonly negotiated: Negotiated = {};
  /** Application data received, in order. */
  readonly received: Uint8Array[] = [];
  failure?: TlsError;
  /** The alert that ended the connection, sent or received. */
  closingAlert?: { from: 'us' | 'peer'; description: number };
  /** The peer sent close_notify and we have not closed yet (only with `halfClose`). */
  peerClosed = false;

  constructor(
    private readonly machine: Machine<S>,
    private readonly env: ConnectionEnv,
  ) {
    env.trace.addLane(env.lane);
    env.trace.addLane(env.peerLane);
    this.writer = new RecordWriter((sent) => this.emit(sent), env.trace.keepsEvents);
    this.context = this.makeContext();
  }

  private get recordsReceived(): boolean {
    return this.env.traceReceived && this.env.trace.keepsEvents;
  }

  get stateName(): string {
    return this.state.name;
  }
  get isClosed(): boolean {
    return this.state.name === 'Closed';
  }
  get isTraffic(): boolean {
    return !this.isClosed && this.machine.isTraffic(this.state as S);
  }

  /** Runs the machine's opening move (the client's ClientHello; nothing for a server). */
  async start(): Promise<void> {
    await this.guard(async () => this.moveTo(await this.machine.start(this.context)));
  }

  /** Feeds bytes from the transport. */
  async receive(bytes: Uint8Array): Promise<void> {
    // RFC 5246, Section 7.2.1: whatever follows a closure alert is ignored.
    if (this.isClosed || this.peerClosed) return;
    await this.guard(async () => {
      let records;
      try {
        records = this.splitter.push(bytes);
      } catch (e) {
        throw translateRecordError(e);
      }
      for (const { record, raw } of records) {
        if (this.isClosed) return;
        await this.onRecord(record.type, record.version, record.fragment, raw);
      }
      if (this.splitter.error && !this.isClosed) throw translateRecordError(this.splitter.error);
    });
  }

  /** Sends application data (an HTTP request or response). */
  write(data: Uint8Array): void {
    if (!this.isTraffic)
      throw new Error(`cannot send application data in state ${this.state.name}`);
    const described = describeApplicationData(data);
    this.writer.write(
      ContentType.application_data,
      lazyEncoded(data, () => described.spans),
      described.name,
    );
  }

  /**
   * Sends a KeyUpdate with update_requested (RFC 8446, Section 4.6.3): our records after it use
   * the next traffic secret, and the peer answers with a KeyUpdate of its own. False when the
   * connection has none to send (TLS 1.2, or not in Traffic).
   */
  async updateKeys(): Promise<boolean> {
    const { updateKeys } = this.machine;
    if (!this.isTraffic || !updateKeys) return false;
    let started = false;
    await this.guard(async () => {
      const next = updateKeys(this.state as S, this.context);
      if (!next) return;
      started = true;
      this.moveTo(await next);
    });
    return started;
  }

  /** Sends close_notify (RFC 5246, Section 7.2.1) and closes. */
  close(): void {
    if (this.isClosed) return;
    this.sendAlert(AlertLevel.warning, AlertDescription.close_notify);
    this.moveTo({ name: 'Closed' });
  }

  /** The transport closed under us. After the handshake that is only a missing close_notify. */
  peerClosedTransport(): void {
    if (this.isClosed) return;
    if (this.isTraffic) {
      this.context.note('tls.transport_closed_without_close_notify');
      this.moveTo({ name: 'Closed' });
      return;
    }
    this.abort({
      fault: 'transport.closed_during_handshake',
      params: { peer: this.env.peerLane, state: this.state.name },
    });
  }

  transportFailed(reason: string): void {
    if (!this.isClosed) this.abort({ fault: 'transport.error', params: { detail: reason } });
  }

  /** No answer in time: close with a fatal alert that says nothing more can be done. */
  abortTimeout(deadline?: string): void {
    if (!this.isClosed)
      this.abort(
        deadline
          ? { fault: 'internal.timeout_waiting_for', params: { state: this.state.name, deadline } }
          : { fault: 'internal.timeout', params: { state: this.state.name } },
      );
  }

  /** Records queued for the transport since the last call. */
  takeOutgoing(): Uint8Array[] {
    return this.outgoing.splice(0, this.outgoing.length);
  }

  private async onRecord(
    type: number,
    version: number,
    fragment: Uint8Array,
    raw: Uint8Array,
  ): Promise<void> {
    this.checkRecordVersion(version);
    if (this.tls13) {
      await this.onRecord13(type, fragment, raw);
      return;
    }
    let plaintext = fragment;
    let decrypted: { nonce: Uint8Array; aad: Uint8Array } | undefined;
    const isProtected = this.reader !== undefined && type !== ContentType.change_cipher_spec;
    // RFC 5246, Section 6.2.1: a TLSPlaintext fragment is at most 2^14 bytes. (Protected records
    // are checked by the same bound after their nonce and tag are taken off: protection.ts.)
    if (!isProtected && fragment.length > MAX_PLAINTEXT)
      throw new TlsFailure({
        fault: 'invalid_message.plaintext_too_long',
        params: { length: fragment.length, max: MAX_PLAINTEXT },
      });
    if (isProtected && this.reader) {
      try {
        const opened = this.reader.open(type, version, fragment);
        plaintext = opened.plaintext;
        decrypted = { nonce: opened.nonce, aad: opened.aad };
      } catch (e) {
        throw translateRecordError(e);
      }
    }
    await this.onContent(type, plaintext, raw, decrypted);
  }

  /**
   * A TLS 1.3 record (RFC 8446, Section 5). Once keys are in use every record is
   * application_data on the outside, and its real type is the last non-zero byte of the
   * TLSInnerPlaintext. A change_cipher_spec of the single byte 1 is there only to calm
   * middleboxes and is dropped until the handshake is done (Section 5 and Appendix D.4).
   */
  private async onRecord13(type: number, fragment: Uint8Array, raw: Uint8Array): Promise<void> {
    if (type === ContentType.change_cipher_spec) {
      const isOne = fragment.length === 1 && fragment[0] === 1;
      if (!isOne || this.isTraffic || !this.handshakeBuffer.isEmpty)
        throw new TlsFailure({
          fault: 'inappropriate_message.bad_change_cipher_spec',
          params: { bytes: toHex(fragment) },
        });
      if (this.recordsReceived)
        this.traceReceivedSimple(raw, 'ChangeCipherSpec', encodeChangeCipherSpec());
      this.context.note('tls13.ccs_ignored');
      return;
    }
    const reader = this.reader13;
    if (this.earlyDataToSkip > 0 && this.skipsEarlyRecord(type, fragment, raw, reader)) return;
    // Section 5: before keys, records are plaintext; after, only application_data may arrive
    // (a plaintext alert is still read: a peer that fails before it has keys can only send that).
    if (!reader || (type === ContentType.alert && fragment.length === 2)) {
      if (type === ContentType.application_data)
        throw new TlsFailure({
          fault: 'inappropriate_message.application_data_before_finished',
          params: { state: this.state.name },
        });
      if (fragment.length > MAX_PLAINTEXT)
        throw new TlsFailure({
          fault: 'invalid_message.plaintext_too_long',
          params: { length: fragment.length, max: MAX_PLAINTEXT },
        });
      await this.onContent(type, fragment, raw, undefined);
      return;
    }
    if (type !== ContentType.application_data)
      throw new TlsFailure({
        fault: 'inappropriate_message.unknown_content_type',
        params: { contentType: type },
      });
    // Section 5.2: the encrypted record is at most 2^14 + 256 bytes, its plaintext 2^14 + 1.
    if (fragment.length > MAX_PLAINTEXT + 256)
      throw new TlsFailure({
        fault: 'invalid_message.record_overflow',
        params: { detail: `${fragment.length} encrypted bytes` },
      });
    let opened;
    try {
      opened = reader.open(raw.subarray(0, 5), fragment);
    } catch (e) {
      throw translateRecordError(e);
    }
    if (opened.plaintext.length > MAX_PLAINTEXT + 1)
      throw new TlsFailure({
        fault: 'invalid_message.record_overflow',
        params: { detail: `${opened.plaintext.length} plaintext bytes` },
      });
    // Section 5.4: a TLSInnerPlaintext of zeros alone has no content type.
    if (opened.type === 0)
      throw new TlsFailure({
        fault: 'inappropriate_message.unknown_content_type',
        params: { contentType: 0 },
      });
    // Section 5.1: Handshake and Alert records are never empty (padding aside); only
    // application data may be. OpenSSL answers unexpected_message (tlsfuzzer: test-tls13-empty-alert).
    if (opened.content.length === 0 && opened.type !== ContentType.application_data)
      throw new TlsFailure({
        fault: 'inappropriate_message.empty_record',
        params: { contentType: contentTypeName(opened.type) },
      });
    await this.onContent(
      opened.type,
      opened.content,
      raw,
      { nonce: opened.nonce, aad: opened.aad },
      opened.plaintext,
    );
  }

  /**
   * RFC 8446, Section 4.2.10: whether this record is refused early data, and dropped. After a
   * HelloRetryRequest (no read keys yet) that is any encrypted record before the second
   * ClientHello; after our ServerHello, any record that does not open under the client's
   * handshake keys. The first record that is not early data ends the skipping; more than
   * MAX_SKIPPED_EARLY_DATA of it is unexpected_message, as OpenSSL sends
   * (SSL_R_TOO_MUCH_EARLY_DATA).
   */
  private skipsEarlyRecord(
    type: number,
    fragment: Uint8Array,
    raw: Uint8Array,
    reader: Tls13RecordProtection | undefined,
  ): boolean {
    const isEarly =
      type === ContentType.application_data &&
      (!reader || !reader.opens(raw.subarray(0, 5), fragment));
    if (!isEarly) {
      this.earlyDataToSkip = 0;
      return false;
    }
    const size = Math.max(0, fragment.length - EARLY_RECORD_OVERHEAD);
    if (size > this.earlyDataToSkip)
      throw new TlsFailure({
        fault: 'inappropriate_message.too_much_early_data',
        params: { max: MAX_SKIPPED_EARLY_DATA },
      });
    this.earlyDataToSkip -= size;
    this.context.note('tls13.server.early_data_skipped', { bytes: fragment.length });
    return true;
  }

  /** One record's content, decrypted if it was protected, by its (inner) content type. */
  private async onContent(
    type: number,
    plaintext: Uint8Array,
    raw: Uint8Array,
    decrypted: { nonce: Uint8Array; aad: Uint8Array } | undefined,
    innerPlaintext?: Uint8Array,
  ): Promise<void> {
    const tracedPlaintext = innerPlaintext ?? plaintext;
    const innerType = innerPlaintext ? type : undefined;
    if (type !== ContentType.alert) this.warningAlertsInARow = 0;
    switch (type) {
      case ContentType.handshake: {
        this.handshakeBuffer.push(plaintext);
        for (;;) {
          const type = this.handshakeBuffer.nextType();
          if (type === undefined) return;
          this.checkAccepted(type);
          const next = await this.nextHandshake();
          if (!next) return;
          if (this.recordsReceived)
            this.traceReceived(
              raw,
              next.message,
              { bytes: next.raw, spans: next.spans },
              decrypted,
              tracedPlaintext,
              innerType,
            );
          const readKeys = this.reader13;
          await this.dispatch({ kind: 'handshake', message: next.message, raw: next.raw });
          if (this.isClosed) return;
          // RFC 8446, Section 5.1: handshake messages MUST NOT span a key change, so the message
          // after which our read keys change (ServerHello, Finished, KeyUpdate) ends its record.
          if (this.reader13 !== readKeys && !this.handshakeBuffer.isEmpty)
            throw new TlsFailure({
              fault: 'inappropriate_message.handshake_spans_key_change',
              params: { message: handshakeDisplayName(next.message) },
            });
        }
      }
      case ContentType.change_cipher_spec: {
        // RFC 5246, Section 7.1: CCS may not arrive in the middle of a fragmented handshake message.
        if (!this.handshakeBuffer.isEmpty)
          throw new TlsFailure({
            fault: 'inappropriate_message.ccs_inside_handshake_message',
            params: {},
          });
        // A CCS that is not the single byte 1 is no CCS at all: unexpected_message, as OpenSSL
        // (SSL_R_BAD_CHANGE_CIPHER_SPEC) and tlsfuzzer's test-ccs expect.
        try {
          decodeChangeCipherSpec(plaintext);
        } catch (e) {
          if (!(e instanceof DecodeError)) throw e;
          throw new TlsFailure({
            fault: 'inappropriate_message.bad_change_cipher_spec',
            params: { bytes: toHex(plaintext) },
          });
        }
        if (this.recordsReceived)
          this.traceReceivedSimple(raw, 'ChangeCipherSpec', encodeChangeCipherSpec());
        await this.dispatch({ kind: 'change_cipher_spec' });
        return;
      }
      case ContentType.alert: {
        const alert = decodeAlert(plaintext);
        if (this.recordsReceived)
          this.traceReceivedSimple(
            raw,
            `Alert ${alertDescriptionName(alert.description)}`,
            encodeAlert(alert),
            decrypted,
            tracedPlaintext,
            undefined,
            innerType,
          );
        await this.onAlert(alert.level, alert.description);
        return;
      }
      case ContentType.application_data: {
        // RFC 8446, Section 5.1: a handshake message split over records has nothing between its
        // fragments (a KeyUpdate cut in two with a request in the middle, say).
        if (!this.handshakeBuffer.isEmpty)
          throw new TlsFailure({
            fault: 'inappropriate_message.data_inside_handshake_message',
            params: {},
          });
        if (!this.isTraffic)
          throw new TlsFailure({
            fault: 'inappropriate_message.application_data_before_finished',
            params: { state: this.state.name },
          });
        if (this.recordsReceived) {
          const described = describeApplicationData(plaintext);
          this.traceReceivedSimple(
            raw,
            described.name,
            { bytes: plaintext, spans: described.spans },
            decrypted,
            tracedPlaintext,
            undefined,
            innerType,
          );
        }
        this.received.push(plaintext);
        return;
      }
      default:
        throw new TlsFailure({
          fault: 'inappropriate_message.unknown_content_type',
          params: { contentType: type },
        });
    }
  }

  /**
   * A handshake message whose msg_type (from its header) the current state does not accept is
   * unexpected_message before its body is decoded (RFC 5246, Section 7.4), as OpenSSL's
   * read_transition does: a ClientKeyExchange in place of a ClientHello is out of order, not
   * malformed.
   */
  private checkAccepted(type: number): void {
    if (this.state.name === 'Start' || this.state.name === 'Closed') return;
    const accepted = this.machine.acceptedHandshakes(this.state as S);
    if (accepted.includes(type)) return;
    throw new TlsFailure({
      fault: 'inappropriate_handshake_message',
      params: {
        expectTypes: accepted.length > 0 ? accepted.map(nameForType) : ['ApplicationData'],
        gotType: nameForType(type),
      },
    });
  }

  /**
   * RFC 5246, Section 6.2.1 and Appendix E.1: every record is version 3.x, and once the hellos have
   * agreed on TLS 1.2 every record says so (only the first ClientHello may carry an older value).
   */
  private checkRecordVersion(version: number): void {
    if (version >> 8 !== 3) {
      throw new TlsFailure({
        fault: 'peer_misbehaved.record_version_not_tls',
        params: { version: versionName(version) },
      });
    }
    // RFC 8446, Section 5.1: in TLS 1.3 legacy_record_version "MUST be ignored for all purposes".
    if (
      !this.tls13 &&
      this.negotiated.cipherSuite !== undefined &&
      version !== ProtocolVersion.TLS12
    ) {
      throw new TlsFailure({
        fault: 'peer_misbehaved.record_version_changed',
        params: { version: versionName(version) },
      });
    }
  }

  /**
   * The next whole handshake message. One that carries TLS 1.3 (a ClientHello that offers it, to
   * a server whose page has not run TLS 1.3 yet) is read again once TLS 1.3's codecs have loaded.
   */
  private async nextHandshake(): Promise<BufferedHandshake | undefined> {
    try {
      return this.handshakeBuffer.next(this.recordsReceived);
    } catch (e) {
      if (!(e instanceof Tls13NotLoaded)) throw e;
      await loadTls13();
      return this.handshakeBuffer.next(this.recordsReceived);
    }
  }

  private async onAlert(level: number, description: number): Promise<void> {
    if (description === AlertDescription.close_notify) {
      this.closingAlert = { from: 'peer', description };
      if (this.env.halfClose && this.isTraffic) {
        this.peerClosed = true;
        return;
      }
      // RFC 5246, Section 7.2.1: answer close_notify with our own and close.
      if (!this.isClosed) this.sendAlert(AlertLevel.warning, AlertDescription.close_notify);
      this.moveTo({ name: 'Closed' });
      return;
    }
    if (level !== AlertLevel.warning && level !== AlertLevel.fatal) {
      // RFC 5246, Section 7.2 defines only these two levels; OpenSSL: SSL_R_UNKNOWN_ALERT_TYPE.
      throw new TlsFailure({ fault: 'peer_misbehaved.unknown_alert_level', params: { level } });
    }
    if (level === AlertLevel.fatal) {
      this.closingAlert = { from: 'peer', description };
      throw new TlsFailure({
        fault: 'alert_received',
        params: { description: alertDescriptionName(description) },
      });
    }
    // RFC 5246, Section 7.2: after a warning "generally the connection can continue normally",
    // during the handshake as after it. A peer that sends nothing but warnings is stalling, so,
    // as OpenSSL does (MAX_WARN_ALERT_COUNT in ssl/record), the fifth in a row is fatal.
    this.warningAlertsInARow += 1;
    if (this.warningAlertsInARow >= MAX_WARNING_ALERTS_IN_A_ROW) {
      throw new TlsFailure({
        fault: 'peer_misbehaved.too_many_warning_alerts',
        params: {
          count: this.warningAlertsInARow,
          last: alertDescriptionName(description),
        },
      });
    }
    this.context.note('tls.alert.warning_ignored', {
      description: alertDescriptionName(description),
    });
  }

  private async dispatch(input: Incoming): Promise<void> {
    if (this.isClosed) return;
    this.moveTo(await this.machine.handle(this.state as S, input, this.context));
  }

  private async guard(body: () => Promise<void>): Promise<void> {
    try {
      await body();
    } catch (e) {
      this.abort(toTlsError(e));
    }
  }

  private abort(error: TlsError): void {
    this.failure = error;
    const t = this.env.clock.now();
    this.env.trace.push({
      kind: 'error',
      t,
      lane: this.env.lane,
      code: error.fault,
      message: faultKey(error.fault),
      params: error.params,
    });
    const description = alertFor(error);
    if (description !== undefined && !this.isClosed) {
      this.closingAlert = { from: 'us', description };
      this.env.trace.push({
        kind: 'alert',
        t,
        from: this.env.lane,
        to: this.env.peerLane,
        level: 'fatal',
        description: alertDescriptionName(description),
        code: description,
        reason: faultKey(error.fault),
        params: error.params,
      });
      this.sendAlert(AlertLevel.fatal, description);
    }
    this.moveTo({ name: 'Closed' });
  }

  private sendAlert(level: number, description: number): void {
    this.writer.write(
      ContentType.alert,
      encodeAlert({ level, description }),
      `Alert ${alertDescriptionName(description)}`,
    );
  }

  private moveTo(next: S | { name: 'Closed' }): void {
    if (next.name !== this.state.name) {
      this.env.trace.push({
        kind: 'state',
        t: this.env.clock.now(),
        lane: this.env.lane,
        machine: this.machine.role,
        from: this.state.name,
        to: next.name,
      });
    }
    this.state = next;
  }

  private emit(sent: SentRecord): void {
    this.outgoing.push(sent.bytes);
    if (!this.env.trace.keepsEvents) return;
    // The spans stay unbuilt until someone reads them (the inspector, a trace file).
    let spans: Span[] | undefined;
    this.env.trace.push({
      kind: 'message',
      t: this.env.clock.now(),
      from: this.env.lane,
      to: this.env.peerLane,
      protocol: 'tls',
      name: sent.name,
      bytes: sent.bytes,
      get spans(): Span[] {
        return (spans ??= sent.spans);
      },
      set spans(value: Span[]) {
        spans = value;
      },
      decoded: sent.decoded,
      encrypted: sent.decrypted !== undefined,
      ...(sent.decrypted ? { decrypted: sent.decrypted } : {}),
    });
  }

  private traceReceived(
    raw: Uint8Array,
    message: HandshakeMessage,
    inner: Encoded,
    decrypted: { nonce: Uint8Array; aad: Uint8Array } | undefined,
    plaintext: Uint8Array,
    innerType?: number,
  ): void {
    this.traceReceivedSimple(
      raw,
      handshakeDisplayName(message),
      inner,
      decrypted,
      plaintext,
      toPlainData(message),
      innerType,
    );
  }

  /** A received record as a message event. Several messages coalesced in one record share its bytes. */
  private traceReceivedSimple(
    raw: Uint8Array,
    name: string,
    inner: Encoded,
    decrypted?: { nonce: Uint8Array; aad: Uint8Array },
    plaintext?: Uint8Array,
    decoded?: unknown,
    innerType?: number,
  ): void {
    const view = RecordWriter.describeReceived(
      raw,
      inner,
      decrypted,
      plaintext,
      this.readSuite,
      name,
      innerType,
    );
    this.env.trace.push({
      kind: 'message',
      t: this.env.clock.now(),
      from: this.env.peerLane,
      to: this.env.lane,
      protocol: 'tls',
      name,
      bytes: raw,
      spans: view.spans,
      decoded: decoded ?? null,
      encrypted: decrypted !== undefined,
      ...(view.decrypted ? { decrypted: view.decrypted } : {}),
    });
  }

  private makeContext(): HandshakeContext {
    return {
      rng: this.env.rng,
      clock: this.env.clock,
      transcript: this.transcript,
      negotiated: this.negotiated,
      sendHandshake: (message: HandshakeMessage): Uint8Array => {
        const encoded = encodeHandshakeLazily(message);
        this.transcript.add(encoded.bytes);
        this.writer.write(
          ContentType.handshake,
          encoded,
          handshakeDisplayName(message),
          toPlainData(message),
        );
        return encoded.bytes;
      },
      sendWarningAlert: (description: number): void => {
        this.sendAlert(AlertLevel.warning, description);
      },
      sendChangeCipherSpec: (): void => {
        this.writer.write(
          ContentType.change_cipher_spec,
          encodeChangeCipherSpec(),
          'ChangeCipherSpec',
        );
      },
      protectWrites: (suite, key, iv): void => {
        this.writer.protect(suite, new RecordProtector(suite, key, iv));
      },
      protectReads: (suite, key, iv): void => {
        this.reader = new RecordProtector(suite, key, iv);
        this.readSuite = suite;
      },
      useTls13Records: (): void => {
        this.tls13 = true;
        // Certificate and NewSessionTicket have TLS 1.3 bodies from now on (RFC 8446, Section 4).
        this.handshakeBuffer.version = 'tls13';
      },
      protectWrites13: (suite, trafficSecret): void => {
        this.writer.protect13(new (tls13Parts().Tls13RecordProtection)(suite, trafficSecret));
      },
      skipEarlyData: (): void => {
        this.earlyDataToSkip = MAX_SKIPPED_EARLY_DATA;
      },
      protectReads13: (suite, trafficSecret): void => {
        this.reader13 = new (tls13Parts().Tls13RecordProtection)(suite, trafficSecret);
        this.readSuite = TLS13_RECORD_SHAPE;
      },
      secrets: (derived: readonly DerivedSecret[]): void => {
        const t = this.env.clock.now();
        for (const d of derived) {
          this.env.trace.push({
            kind: 'secret',
            t,
            lane: this.env.lane,
            name: d.name,
            value: d.value,
            inputs: d.inputs,
            explain: d.explain,
          });
        }
      },
      note: (key, params): void => {
        this.env.trace.push({
          kind: 'note',
          t: this.env.clock.now(),
          lane: this.env.lane,
          key,
          ...(params ? { params } : {}),
        });
      },
    };
  }
}

function translateRecordError(e: unknown): unknown {
  // RFC 5246, Section 6: an unexpected record type is unexpected_message, not a decode error.
  if (e instanceof UnknownContentType)
    return new TlsFailure({
      fault: 'inappropriate_message.unknown_content_type',
      params: { contentType: e.type },
    });
  if (e instanceof RecordOverflow || e instanceof PlaintextOverflow)
    return new TlsFailure({
      fault: 'invalid_message.record_overflow',
      params: { detail: e.message },
    });
  if (e instanceof BadRecordMac || e instanceof AeadAuthError)
    return new TlsFailure({ fault: 'decrypt_error.bad_record_mac', params: {} });
  return e;
}

function toTlsError(e: unknown): TlsError {
  if (e instanceof TlsFailure) return e.error;
  if (e instanceof DecodeError)
    return e.fault === 'illegal_value'
      ? { fault: 'invalid_message.illegal_value', params: { ...e.detail, offset: e.offset } }
      : { fault: 'invalid_message.decode', params: { ...e.detail, offset: e.offset } };
  const message = e instanceof Error ? e.message : String(e);
  return { fault: 'internal.error', params: { detail: message } };
}

/** Decoded values for the trace: byte arrays stay bytes; everything else is plain data already. */
function toPlainData(message: HandshakeMessage): unknown {
  return message;
}
