// docker-compose.yml: valid for Debian's docker-compose (1.29 rejects a top-level `name:`), and it holds what scale-out
// needs: Redis, PostgreSQL, two game servers each with its own public address, a proxy routing to each of them.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const root = path.resolve(import.meta.dirname, "../..");
const file = path.join(root, "docker-compose.yml");
const hasCompose = spawnSync("sh", ["-c", "command -v docker-compose"]).status === 0;

describe("docker-compose.yml", () => {
  it("declares redis, postgres, two game servers with their own public addresses and a routing proxy", () => {
    const text = fs.readFileSync(file, "utf8");
    expect(text).not.toMatch(/^name:/m);
    for (const s of ["redis", "postgres", "game1", "game2", "proxy"]) expect(text).toMatch(new RegExp(`^  ${s}:`, "m"));
    expect(text).toMatch(/REDIS_URL: redis:\/\/redis:6379/);
    expect(text).toMatch(/DATABASE_URL: postgres:\/\//);
    expect(text).toMatch(/PUBLIC_ADDRESS: .*\/g1/);
    expect(text).toMatch(/PUBLIC_ADDRESS: .*\/g2/);
    // Takeover after a crash within 10 s: a lease of at most 6 s renewed every second.
    expect(text).toMatch(/LEASE_SECONDS: "6"/);
    expect(text).toMatch(/SWEEP_SECONDS: "1"/);
    const nginx = fs.readFileSync(path.join(root, "deploy", "nginx.conf"), "utf8");
    expect(nginx).toMatch(/location \/g1\/ \{\s*proxy_pass http:\/\/game1:2567\/;/);
    expect(nginx).toMatch(/location \/g2\/ \{\s*proxy_pass http:\/\/game2:2567\/;/);
    expect(fs.existsSync(path.join(root, "Dockerfile"))).toBe(true);
  });

  // CI installs docker-compose whenever docker-compose.yml exists (.ci/run): there, an invalid file fails this test.
  it.skipIf(!hasCompose && !process.env.CI)("passes `docker-compose config -q`", () => {
    expect(hasCompose, "docker-compose is not installed").toBe(true);
    const r = spawnSync("docker-compose", ["-f", file, "config", "-q"], { cwd: root, encoding: "utf8" });
    expect(r.status, r.stderr).toBe(0);
    const full = spawnSync("docker-compose", ["-f", file, "config", "--services"], { cwd: root, encoding: "utf8" });
    expect(full.stdout.split("\n").filter(Boolean).sort()).toEqual(["game1", "game2", "postgres", "proxy", "redis"]);
  });
});
