import type { Command } from './command';
import { captureCommand } from './capture/command';
import { DNS_COMMANDS } from './dns/index';
import { SCENARIO_COMMANDS } from './scenario/index';
import { TLS_COMMANDS } from './tls/index';

export const COMMANDS: Command[] = [
  ...TLS_COMMANDS,
  ...DNS_COMMANDS,
  ...SCENARIO_COMMANDS,
  captureCommand,
];

export function usage(): string {
  return `Wirestep: real TLS 1.2 and DNS, step by step.\n\nUsage: npm run --silent cli -- <command>\n\n${COMMANDS.map((c) => `  ${[c.protocol, c.command, c.synopsis].filter(Boolean).join(' ')}`).join('\n')}\n`;
}
