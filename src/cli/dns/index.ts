import type { Command } from '../command';
import { decodeCommand } from './decode';
import { demoCommand } from './demo';
import { resolveCommand } from './resolve';
import { serveCommand } from './serve';

/** DNS commands register here (dns resolve / serve / demo / decode). */
export const DNS_COMMANDS: Command[] = [resolveCommand, serveCommand, demoCommand, decodeCommand];
