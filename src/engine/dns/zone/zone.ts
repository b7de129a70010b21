/**
 * One zone's data, indexed for authoritative lookups: RRsets by (name, type), the set of names
 * that exist (including empty non-terminals, RFC 4592 §2.2.2), and the delegation points.
 */
import { Name } from '../name';
import { RRType, typeName, type ResourceRecord } from '../types';
import { parseMasterFile, type ParseOptions } from './parse';
import { ProblemError, type ProblemParams, type ZoneKey } from '../problem';
import { ZONE_PROBLEM_TEXT_EN } from './text';
import { ZoneParseError } from './tokens';

/** A zone that breaks a structural rule; from a master file, it is a ZoneParseError with the line. */
export class ZoneError extends ProblemError {
  override readonly name = 'ZoneError';

  constructor(key: ZoneKey, params: ProblemParams = {}) {
    super(key, params, ZONE_PROBLEM_TEXT_EN);
  }
}

export interface ZoneNode {
  name: Name;
  rrsets: Map<number, ResourceRecord[]>;
}

export class Zone {
  private readonly nodes = new Map<string, ZoneNode>();
  /** Every name with data, and every name between one and the apex (empty non-terminals). */
  private readonly existing = new Set<string>();
  readonly soa: ResourceRecord & { data: { kind: 'SOA' } };

  private constructor(
    readonly origin: Name,
    readonly records: readonly ResourceRecord[],
    lines?: readonly number[],
  ) {
    // Errors name the master-file line of the offending record when there is one.
    const fail = (key: ZoneKey, params: ProblemParams, rr?: ResourceRecord): Error => {
      const index = rr ? records.indexOf(rr) : 0;
      const line = lines?.[index];
      return line === undefined
        ? new ZoneError(key, params)
        : new ZoneParseError(line, key, params);
    };
    const zone = origin.toString();
    for (const rr of records) {
      if (!rr.name.isSubdomainOf(origin)) {
        throw fail('zone.outside', { name: rr.name.toString(), zone }, rr);
      }
      let node = this.nodes.get(rr.name.key);
      if (!node) {
        node = { name: rr.name, rrsets: new Map() };
        this.nodes.set(rr.name.key, node);
        for (let n = rr.name; ; n = n.parent()) {
          if (this.existing.has(n.key)) break;
          this.existing.add(n.key);
          if (n.labelCount <= origin.labelCount) break;
        }
      }
      const set = node.rrsets.get(rr.type);
      if (set) set.push(rr);
      else node.rrsets.set(rr.type, [rr]);
    }
    const apex = this.nodes.get(origin.key);
    const soas = apex?.rrsets.get(RRType.SOA) ?? [];
    if (soas.length !== 1) {
      throw fail('zone.soa_count', { zone, count: soas.length }, soas[1]);
    }
    if (!apex?.rrsets.has(RRType.NS)) throw fail('zone.no_ns', { zone });
    const lowSoa = records.find((r) => r.type === RRType.SOA && !r.name.equals(origin));
    if (lowSoa) throw fail('zone.low_soa', { zone }, lowSoa);
    for (const node of this.nodes.values()) {
      // RFC 1034 §3.6.2, RFC 2181 §10.1: a CNAME owner has no other data.
      if (node.rrsets.has(RRType.CNAME) && node.rrsets.size > 1) {
        const others = [...node.rrsets.keys()].filter((t) => t !== RRType.CNAME).map(typeName);
        const cname = node.rrsets.get(RRType.CNAME)![0];
        throw fail(
          'zone.cname_and_other',
          { name: node.name.toString(), types: others.join(', ') },
          cname,
        );
      }
      if ((node.rrsets.get(RRType.CNAME)?.length ?? 0) > 1) {
        throw fail(
          'zone.two_cnames',
          { name: node.name.toString() },
          node.rrsets.get(RRType.CNAME)![1],
        );
      }
    }
    this.soa = soas[0] as Zone['soa'];
  }

  static fromRecords(origin: Name, records: readonly ResourceRecord[]): Zone {
    return new Zone(origin, records);
  }

  /** Parses master-file text (ZoneParseError names the line) and checks it as a zone. */
  static parse(text: string, opts: ParseOptions = {}): Zone {
    const parsed = parseMasterFile(text, opts);
    return new Zone(parsed.origin, parsed.records, parsed.lines);
  }

  node(name: Name): ZoneNode | undefined {
    return this.nodes.get(name.key);
  }

  rrset(name: Name, type: RRType): ResourceRecord[] | undefined {
    return this.nodes.get(name.key)?.rrsets.get(type);
  }

  /** True for names with data and for empty non-terminals (RFC 4592 §2.2.2). */
  exists(name: Name): boolean {
    return this.existing.has(name.key);
  }

  /** `exists` by comparison key (Name.suffixKeys), for walks that make no Name objects. */
  existsKey(key: string): boolean {
    return this.existing.has(key);
  }

  /**
   * The topmost delegation point at or above `name` and below the apex (RFC 1034 §4.3.2 step
   * 3b), walking down from the apex one label at a time.
   */
  findCut(name: Name): Name | undefined {
    const keys = name.suffixKeys();
    for (let n = this.origin.labelCount + 1; n <= name.labelCount; n++) {
      if (this.nodes.get(keys[n]!)?.rrsets.has(RRType.NS)) return name.trimTo(n);
    }
    return undefined;
  }

  /**
   * The SOA for a negative answer: RFC 2308 §3 has its TTL be the minimum of the SOA's own TTL
   * and its MINIMUM field.
   */
  negativeSoa(): ResourceRecord {
    return { ...this.soa, ttl: Math.min(this.soa.ttl, this.soa.data.minimum) };
  }
}
