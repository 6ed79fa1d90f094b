// Temporary data directories for tests, removed after each test file (setup.ts): repeated runs leave nothing in /tmp.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const made: string[] = [];

export function tempDir(prefix = "ms-test-"): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(d);
  return d;
}

/** Removes every directory tempDir made in this process (the servers using them are closed by then). */
export function removeTempDirs(): void {
  for (const d of made.splice(0)) fs.rmSync(d, { recursive: true, force: true });
}
