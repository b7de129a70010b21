import type { Command } from '../command';

/** DNS commands register here (dns resolve / serve / demo / decode). */
export const DNS_COMMANDS: Command[] = [];
