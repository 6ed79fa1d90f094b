// Command-line parsing shared by the simulator and the benchmark (errors as values).
import { SCENARIOS, TUNABLE_PARAMS } from "../content/scenarios.js";
import { NODES_PER_MS } from "../bots/search.js";
import {
  DIFFICULTIES,
  DOCTRINES,
  ROLES,
  type Difficulty,
  type Doctrine,
  type Role,
  type ScenarioParams,
} from "../rules/types.js";
import type { SimOptions, TableSeat } from "./simulate.js";

export type Parsed = { ok: true; opts: SimOptions; json: boolean } | { ok: false; reason: string };

export function parseSimArgs(argv: string[]): Parsed {
  const opts: SimOptions = { scenario: "baseline", matches: 2000, seed: 1 };
  let json = false;
  const overrides: Partial<ScenarioParams> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    try {
      switch (a) {
        case "--json":
          json = true;
          break;
        case "--detail":
          opts.detail = true;
          break;
        case "--scenario":
          opts.scenario = next();
          break;
        case "--matches":
          opts.matches = intArg(a, next(), 1, 10_000_000);
          break;
        case "--seed":
          opts.seed = intArg(a, next(), 0, 2 ** 32 - 1);
          break;
        case "--difficulty": {
          const d = next();
          if (!(DIFFICULTIES as readonly string[]).includes(d))
            return { ok: false, reason: `--difficulty must be one of ${DIFFICULTIES.join(", ")}` };
          opts.difficulty = d as Difficulty;
          break;
        }
        case "--budget-nodes":
          opts.budget = { ...opts.budget, nodes: intArg(a, next(), 1, 10_000_000) };
          break;
        // Wall time is not replayable: milliseconds become nodes at a fixed rate measured on the reference machine.
        case "--budget-ms":
          opts.budget = {
            ...opts.budget,
            nodes: Math.max(1, Math.round(intArg(a, next(), 1, 600_000) * NODES_PER_MS)),
          };
          break;
        case "--priors":
          opts.priors = true;
          break;
        case "--ladder":
          opts.ladder = true;
          break;
        case "--table": {
          const t = parseTable(next());
          if (typeof t === "string") return { ok: false, reason: t };
          opts.table = t;
          break;
        }
        case "--set": {
          const [k, v] = next().split("=");
          if (!(TUNABLE_PARAMS as readonly string[]).includes(k))
            return { ok: false, reason: `--set: unknown parameter "${k}" (known: ${TUNABLE_PARAMS.join(", ")})` };
          const n = Number(v);
          if (v === undefined || v === "" || !Number.isFinite(n))
            return { ok: false, reason: `--set ${k}: "${v}" is not a number` };
          (overrides as Record<string, number>)[k] = n;
          break;
        }
        default:
          return { ok: false, reason: `unknown option "${a}"` };
      }
    } catch (e) {
      return { ok: false, reason: (e as Error).message };
    }
  }
  if (!SCENARIOS[opts.scenario])
    return { ok: false, reason: `unknown scenario "${opts.scenario}" (known: ${Object.keys(SCENARIOS).join(", ")})` };
  if (Object.keys(overrides).length) opts.overrides = overrides;
  return { ok: true, opts, json };
}

function intArg(name: string, v: string, lo: number, hi: number): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < lo || n > hi) throw new Error(`${name} must be an integer from ${lo} to ${hi}`);
  return n;
}

function parseTable(spec: string): TableSeat[] | string {
  const seats: TableSeat[] = [];
  for (const part of spec.split(",")) {
    const [role, doctrine] = part.trim().split(":");
    if (!(ROLES as readonly string[]).includes(role)) return `--table: unknown role "${role}"`;
    if (doctrine !== undefined && doctrine !== "" && !(DOCTRINES as readonly string[]).includes(doctrine))
      return `--table: unknown doctrine "${doctrine}"`;
    seats.push({ role: role as Role, doctrine: doctrine ? (doctrine as Doctrine) : undefined });
  }
  if (seats.length < 1 || seats.length > 8) return "--table: 1 to 8 seats";
  return seats;
}
