/**
 * The status line of a lab run whose point is how it ends: a refusal says what was caught, and the
 * tamper lab's changed record length, which nobody refuses, says who waits where, not that the run
 * failed. The runs are the lab's own presets.
 */
import { describe, expect, it } from 'vitest';
import { labScenarioById } from '../engine/scenarios/lab';
import { labStatus } from '../engine/scenarios/lab-summary';
import { en as enFirstLoad } from './i18n/en';
import { enDns } from './i18n/en-dns';
import { enKeys } from './i18n/en-keys';
import { enTls13 } from './i18n/en-tls13';
import { enLab } from './i18n/en-lab';
import { ko } from './i18n/ko';
import { wholeEnglish } from './i18n/index';
import { isRefusal, isStall, runStatusText } from './run-status-text';

const en = wholeEnglish(enFirstLoad, enLab, enDns, enKeys, enTls13);

async function tamper(preset: string) {
  const lab = labScenarioById('lab-tls-tamper')!;
  const settings = lab.presets.find((p) => p.id === preset)!.settings;
  const { outcome } = await (lab.run as (s: unknown, seed: string) => ReturnType<typeof lab.run>)(
    settings,
    '1',
  );
  const status = labStatus('lab-tls-tamper', outcome);
  return { ...status, status: 'done' as const, count: 1, title: '' };
}

describe('runStatusText', () => {
  it('says who waits where when a changed record length stalls the handshake', async () => {
    const run = await tamper('record-length');
    expect(run.errorLine).toEqual({
      key: 'stalledBoth',
      params: {
        lane: 'Client',
        state: 'ExpectServerHello',
        other: 'Server',
        otherState: 'ExpectClientHello',
      },
    });
    expect(isStall(run)).toBe(true);
    expect(isRefusal(run)).toBe(false);
    expect(runStatusText(en, run)).toBe(
      'No alert, and the handshake stalled: the Client still waits in ExpectServerHello, the Server in ExpectClientHello',
    );
    expect(runStatusText(ko, run)).toBe(
      'alert 없이 핸드셰이크가 멈췄습니다: 클라이언트는 ExpectServerHello, 서버는 ExpectClientHello 상태로 아직 기다립니다',
    );
  });

  it('says what was caught when a tampered signature is refused', async () => {
    const run = await tamper('server-key-exchange-signature');
    expect(isRefusal(run)).toBe(true);
    expect(isStall(run)).toBe(false);
    expect(runStatusText(en, run)).toMatch(
      /^Caught and refused with a fatal alert: decrypt_error \(Client → Server\): /,
    );
  });
});
