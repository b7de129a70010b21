/**
 * KeyUpdate, RFC 8446, Section 4.6.3: the sender's next records use the next traffic secret; with
 * update_requested the receiver answers with a KeyUpdate of its own.
 *
 *   enum { update_not_requested(0), update_requested(1), (255) } KeyUpdateRequest;
 *   struct { KeyUpdateRequest request_update; } KeyUpdate;
 */
import { DecodeError, type Reader, type Writer } from '../../../bytes';
import { KeyUpdateRequest } from '../../enums';

export interface KeyUpdate {
  requestUpdate: number;
}

function showRequest(n: number): string {
  if (n === KeyUpdateRequest.update_not_requested) return 'update_not_requested (0)';
  if (n === KeyUpdateRequest.update_requested) return 'update_requested (1)';
  return `unknown (${n})`;
}

export function writeKeyUpdate(w: Writer, k: KeyUpdate): void {
  w.u8(k.requestUpdate, 'request_update', {
    show: showRequest,
    explain: 'tls.key_update.request_update',
  });
}

export function readKeyUpdate(r: Reader): KeyUpdate {
  const at = r.offset;
  const requestUpdate = r.u8('request_update', {
    show: showRequest,
    explain: 'tls.key_update.request_update',
  });
  // RFC 8446, Section 4.6.3: any other value is answered with illegal_parameter.
  if (requestUpdate > KeyUpdateRequest.update_requested)
    throw new DecodeError(
      'decode.tls.key_update_request',
      { value: requestUpdate },
      at,
      'illegal_value',
    );
  return { requestUpdate };
}
