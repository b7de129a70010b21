/** A small, strict argument parser: unknown flags and missing values are one-line errors. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = 'CliError';
  }
}

export interface ArgSpec {
  /** Names of positional arguments, in order; a trailing '?' marks one optional. */
  positional: string[];
  /** Flags that take a value. Repeatable ones collect into arrays. */
  values: string[];
  repeatable?: string[];
  /** Flags without a value. */
  switches: string[];
}

export interface Args {
  positional: Record<string, string | undefined>;
  values: Record<string, string | undefined>;
  lists: Record<string, string[]>;
  switches: Set<string>;
}

export function parseArgs(argv: string[], spec: ArgSpec): Args {
  const args: Args = { positional: {}, values: {}, lists: {}, switches: new Set() };
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg.startsWith('--') && arg.length > 2) {
      const [flag, inline] = arg.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
      if (spec.switches.includes(flag)) {
        args.switches.add(flag);
      } else if (spec.values.includes(flag) || spec.repeatable?.includes(flag)) {
        const value = inline ?? argv[++i];
        if (value === undefined) throw new CliError(`--${flag} needs a value`, 2);
        if (spec.repeatable?.includes(flag)) (args.lists[flag] ??= []).push(value);
        else args.values[flag] = value;
      } else {
        throw new CliError(`unknown option --${flag}`, 2);
      }
    } else {
      positional.push(arg);
    }
  }
  const required = spec.positional.filter((p) => !p.endsWith('?'));
  if (positional.length < required.length)
    throw new CliError(`missing ${required.slice(positional.length).join(', ')}`, 2);
  if (positional.length > spec.positional.length)
    throw new CliError(`unexpected argument '${positional[spec.positional.length]}'`, 2);
  spec.positional.forEach((name, i) => {
    args.positional[name.replace(/\?$/, '')] = positional[i];
  });
  return args;
}

/** "host:port" with a port in range, or a one-line error. */
export function parseHostPort(text: string, defaultPort?: number): { host: string; port: number } {
  const m = /^\[?([^\]]+?)\]?(?::(\d+))?$/.exec(text);
  if (!m || (m[2] === undefined && defaultPort === undefined))
    throw new CliError(`expected HOST:PORT, got '${text}'`, 2);
  const port = m[2] === undefined ? defaultPort! : Number(m[2]);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new CliError(`port out of range in '${text}'`, 2);
  return { host: m[1]!, port };
}

export function parsePort(text: string | undefined, name: string): number | undefined {
  if (text === undefined) return undefined;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    throw new CliError(`--${name} must be a port number from 1 to 65535, got '${text}'`, 2);
  return port;
}
