/** Hex rendering for the inspector. */
export function hexByte(b: number): string {
  return b.toString(16).padStart(2, '0');
}

export function toHex(bytes: Uint8Array, separator = ''): string {
  return Array.from(bytes, hexByte).join(separator);
}

/** Printable ASCII, or a middle dot. */
export function asciiChar(b: number): string {
  return b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '·';
}
