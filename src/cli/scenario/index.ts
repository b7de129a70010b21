import type { Command } from '../command';
import { listCommand, runCommand } from './run';

export const SCENARIO_COMMANDS: Command[] = [runCommand, listCommand];
