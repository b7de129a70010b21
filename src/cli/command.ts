import type { ArgSpec, Args } from './args';

export interface Command {
  protocol: 'tls' | 'dns' | 'scenario' | 'capture';
  command: string;
  synopsis: string;
  spec: ArgSpec;
  run(args: Args): Promise<number>;
}
