/**
 * Zone files from the command line, parsed by the engine's master-file parser. Every problem is
 * one line that names the file, and the line when the parser knows it:
 * `zone FILE line N: reason`.
 */
import { readFileSync } from 'node:fs';
import { Zone, ZoneError, ZoneParseError } from '../../engine/dns';
import { CliError } from '../args';

export function loadZoneFile(path: string): Zone {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? (e as Error).message;
    throw new CliError(`zone ${path}: cannot read it (${code})`);
  }
  try {
    return Zone.parse(text);
  } catch (e) {
    if (e instanceof ZoneParseError) throw new CliError(`zone ${path} line ${e.line}: ${e.reason}`);
    // Whole-zone checks (one SOA at the apex, CNAME and other data) belong to no single line.
    if (e instanceof ZoneError) throw new CliError(`zone ${path}: ${e.message}`);
    throw e;
  }
}

/** Every file's zone; two files for the same origin are an error, as in NSD. */
export function loadZoneFiles(paths: readonly string[]): Zone[] {
  const zones: Zone[] = [];
  for (const path of paths) {
    const zone = loadZoneFile(path);
    const twin = zones.find((z) => z.origin.equals(zone.origin));
    if (twin) throw new CliError(`zone ${path}: zone ${zone.origin} is already loaded`);
    zones.push(zone);
  }
  return zones;
}
