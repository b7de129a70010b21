import type { Command } from '../command';
import { connectCommand } from './connect';
import { decodeCommand } from './decode';
import { demoCommand } from './demo';
import { serveCommand } from './serve';
import { probeCommand } from './probe/command';

export const TLS_COMMANDS: Command[] = [
  connectCommand,
  serveCommand,
  demoCommand,
  decodeCommand,
  probeCommand,
];
