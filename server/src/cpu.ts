import fs from "node:fs";

/**
 * CPU time (µs) of this process's main thread, from /proc (Linux; null elsewhere): `cpuMicros` less this is the other
 * threads' (V8's compiler and GC helpers, libuv's pool, workers). In clock ticks (10 ms): read it over a run, not a call.
 */
export function mainThreadCpuMicros(): number | null {
  try {
    const stat = fs.readFileSync(`/proc/self/task/${process.pid}/stat`, "utf8");
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(f[11]) + Number(f[12])) * 1e6) / 100;
  } catch {
    return null;
  }
}
