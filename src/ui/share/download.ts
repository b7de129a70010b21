/**
 * Saving a file the page made: a Blob behind an object URL and a click on a temporary
 * <a download>. Nothing leaves the machine; the object URL is revoked once the download started.
 */
export function downloadBlob(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function downloadBytes(fileName: string, bytes: Uint8Array, type: string): void {
  downloadBlob(fileName, new Blob([bytes.slice().buffer as ArrayBuffer], { type }));
}

export function downloadText(fileName: string, text: string, type: string): void {
  downloadBlob(fileName, new Blob([text], { type: `${type};charset=utf-8` }));
}

/** "wirestep-tls-full-seed-1": the scenario and the seed, safe in any file system. */
export function baseFileName(scenarioId: string, seed: string): string {
  const safe = (s: string) => s.replace(/[^\w.-]+/g, '_').slice(0, 64);
  return `wirestep-${safe(scenarioId)}-seed-${safe(seed)}`;
}
