// The compact wire form of a view: a flat map from path to leaf JSON. The server keeps it in a schema map, so a
// patch carries only the leaves that changed this round (a few numbers), not the whole view again.
// Paths: object keys and array indexes ("#3") joined by "/". The field names of the views (WIRE_NAMES) travel as one
// character each; any other key travels as itself, escaped: "~" "/" "#" as "~0" "~1" "~2", the empty key as "~3", and
// a one-character key (which would read as a short name) as "~4" and the key. An empty object or array is a leaf
// ("{}", "[]").

/**
 * The views' field names, each sent as one character: the i-th name as WIRE_CHARS[i]. Append only (a name's character
 * must not change while clients of an older build may be connected); a name missing here is only longer on the wire.
 */
export const WIRE_NAMES = [
  "scenario",
  "round",
  "rounds",
  "taiThreshold",
  "dangerLine",
  "phase",
  "seats",
  "role",
  "doctrine",
  "name",
  "prestige",
  "lab",
  "declaredCap",
  "alignedPublic",
  "prod",
  "defense",
  "incidents",
  "validatedLevel",
  "auditedSec",
  "world",
  "theory",
  "milestones",
  "interp",
  "aug",
  "rogueEstimate",
  "rogueExact",
  "neutralized",
  "intel",
  "will",
  "policies",
  "regime",
  "lockIn",
  "legalWill",
  "news",
  "card",
  "concept",
  "mods",
  "capabilityCost",
  "paradigmBoost",
  "leakBonus",
  "extraIncidentChance",
  "history",
  "end",
  "scores",
  "reveal",
  "switched",
  "funds",
  "influence",
  "prestigeBy",
  "researcher",
  "theoryPrivate",
  "fastPrivate",
  "knownFlaws",
  "aligned",
  "sec",
  "cap",
  "id",
  "regimeWill",
] as const;

export const WIRE_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

const SHORT = new Map<string, string>(WIRE_NAMES.map((n, i) => [n, WIRE_CHARS[i]]));
const LONG = new Map<string, string>(WIRE_NAMES.map((n, i) => [WIRE_CHARS[i], n]));

const NEEDS_ESCAPE = /[~/#]/;

function escapeKey(k: string): string {
  const short = SHORT.get(k);
  if (short !== undefined) return short;
  if (k === "") return "~3"; // an empty key would read as its parent's path
  const e = NEEDS_ESCAPE.test(k) ? k.replace(/~/g, "~0").replace(/\//g, "~1").replace(/#/g, "~2") : k;
  return k.length === 1 ? `~4${e}` : e;
}

function unescapeKey(k: string): string {
  if (k.length === 1) return LONG.get(k) ?? k;
  if (k === "~3") return "";
  if (k.startsWith("~4")) k = k.slice(2);
  return k.includes("~") ? k.replace(/~2/g, "#").replace(/~1/g, "/").replace(/~0/g, "~") : k;
}

/** The wire path of a field path given by names and indexes (tests, tools): `wirePath("world", "will")`. */
export function wirePath(...segs: (string | number)[]): string {
  return segs.map((x) => (typeof x === "number" ? `#${x}` : escapeKey(x))).join("/");
}

/** Flattens a JSON value (objects, arrays, primitives) into path → leaf JSON. */
export function flatten(value: unknown, out: Map<string, string> = new Map(), prefix = ""): Map<string, string> {
  if (value === null || typeof value !== "object") {
    out.set(prefix, leafJson(value));
    return out;
  }
  const sep = prefix === "" ? "" : "/";
  if (Array.isArray(value)) {
    if (value.length === 0) out.set(prefix, "[]");
    for (let i = 0; i < value.length; i++) flatten(value[i], out, `${prefix}${sep}#${i}`);
    return out;
  }
  let any = false;
  for (const k in value as Record<string, unknown>) {
    const v = (value as Record<string, unknown>)[k];
    if (v === undefined) continue;
    any = true;
    flatten(v, out, `${prefix}${sep}${escapeKey(k)}`);
  }
  if (!any) out.set(prefix, "{}");
  return out;
}

/** Where flat entries are kept (a schema map on the server, a plain Map in tests). */
export interface FlatTarget {
  set(path: string, leaf: string): unknown;
  delete(path: string): unknown;
}

const UNSEEN = Symbol("unseen");

/** One path of the flat form: its leaf as the target holds it (undefined: none) and the raw value it came from. */
class FlatNode {
  leaf: string | undefined = undefined;
  raw: unknown = UNSEEN;
  seen = 0;
  children: Map<string | number, FlatNode> | null = null;
  constructor(readonly path: string) {}
}

/**
 * Keeps a target equal to `flatten(value)` across updates without building the flat map again: paths are built once
 * and kept in a tree, a primitive leaf is turned into its JSON only when its value changed, and only changed leaves are
 * set and gone ones deleted (what `flatten` and a compare against the last map did, with a fraction of the garbage).
 */
export class FlatSync {
  private root = new FlatNode("");
  private stamp = 0;
  /** Paths in the tree, and those seen in this update: when every path was seen, there is nothing to delete. */
  private nodes = 1;
  private seen = 0;

  constructor(private target: FlatTarget) {}

  update(value: unknown): void {
    this.stamp++;
    this.seen = 0;
    this.visit(this.root, value);
    if (this.seen < this.nodes) this.sweep(this.root);
  }

  private child(n: FlatNode, key: string | number): FlatNode {
    n.children ??= new Map();
    let c = n.children.get(key);
    if (!c) {
      const seg = typeof key === "number" ? `#${key}` : escapeKey(key);
      c = new FlatNode(n.path === "" ? seg : `${n.path}/${seg}`);
      n.children.set(key, c);
      this.nodes++;
    }
    return c;
  }

  private put(n: FlatNode, leaf: string): void {
    if (n.leaf !== leaf) {
      n.leaf = leaf;
      this.target.set(n.path, leaf);
    }
  }

  private visit(n: FlatNode, value: unknown): void {
    n.seen = this.stamp;
    this.seen++;
    if (value === null || typeof value !== "object") {
      if (n.raw !== value || n.leaf === undefined) {
        n.raw = value;
        this.put(n, leafJson(value));
      }
      return;
    }
    n.raw = UNSEEN;
    let any = false;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) this.visit(this.child(n, i), value[i]);
      any = value.length > 0;
    } else {
      for (const k in value as Record<string, unknown>) {
        const v = (value as Record<string, unknown>)[k];
        if (v === undefined) continue;
        any = true;
        this.visit(this.child(n, k), v);
      }
    }
    if (!any) this.put(n, Array.isArray(value) ? "[]" : "{}");
    else if (n.leaf !== undefined) {
      n.leaf = undefined;
      this.target.delete(n.path);
    }
  }

  /** Deletes the leaves of every path not seen in this update. */
  private sweep(n: FlatNode): void {
    const children = n.children;
    if (!children) return;
    children.forEach((c, k) => {
      if (c.seen === this.stamp) this.sweep(c);
      else {
        this.drop(c);
        children.delete(k);
      }
    });
  }

  private drop(n: FlatNode): void {
    this.nodes--;
    if (n.leaf !== undefined) this.target.delete(n.path);
    n.children?.forEach((c) => this.drop(c));
  }
}

/** A primitive's leaf JSON, as `flatten` writes it: numbers and booleans (most leaves) are their own string, without
 * JSON.stringify (non-finite numbers are null in JSON). */
function leafJson(value: unknown): string {
  return typeof value === "number"
    ? Number.isFinite(value)
      ? String(value)
      : "null"
    : typeof value === "boolean"
      ? value
        ? "true"
        : "false"
      : value === undefined
        ? "null"
        : JSON.stringify(value);
}

/** The value back from its flat entries (null when there are none). */
export function unflatten(entries: Iterable<[string, string]>): unknown {
  let root: unknown = null;
  for (const [path, leaf] of entries) {
    const v = JSON.parse(leaf) as unknown;
    if (path === "") {
      root = v;
      continue;
    }
    const segs = path.split("/");
    if (root === null || typeof root !== "object") root = segs[0].startsWith("#") ? [] : {};
    let node = root as Record<string, unknown>;
    for (let i = 0; i < segs.length; i++) {
      const s = segs[i];
      const key = s.startsWith("#") ? Number(s.slice(1)) : unescapeKey(s);
      if (i === segs.length - 1) {
        const cur = node[key as string];
        // An empty container leaf must not wipe entries already placed under it.
        if (!(cur && typeof cur === "object" && v && typeof v === "object")) node[key as string] = v;
        break;
      }
      let next = node[key as string];
      if (next === null || typeof next !== "object") {
        next = segs[i + 1].startsWith("#") ? [] : {};
        node[key as string] = next;
      }
      node = next as Record<string, unknown>;
    }
  }
  return root;
}

/** Map-like containers as Colyseus hands them out (MapSchema) or as plain JSON (toJSON): their entries. */
export function entriesOf(m: unknown): [string, string][] {
  const out: [string, string][] = [];
  if (!m || typeof m !== "object") return out;
  const f = (m as { forEach?: unknown }).forEach;
  if (typeof f === "function" && !Array.isArray(m)) (m as Map<string, string>).forEach((v, k) => out.push([k, v]));
  else for (const k of Object.keys(m)) out.push([k, (m as Record<string, string>)[k]]);
  return out;
}
