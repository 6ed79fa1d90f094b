// Where things are, and which Chromium to drive.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const CLIENT_DIR = join(dirname(fileURLToPath(import.meta.url)), "..");
export const REPO_DIR = join(CLIENT_DIR, "..");
export const SHOTS_DIR = join(REPO_DIR, "artifacts", "screenshots");

export const CHROMIUM_FLAGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(
    Boolean,
  ) as string[];
  const found = candidates.find((p) => existsSync(p));
  if (!found) {
    throw new Error(
      `No Chromium found (tried ${candidates.join(", ")}). Install Debian's Chromium with "apt-get install -y chromium" ` +
        "or set CHROMIUM_PATH to a Chromium binary. (Do not use `playwright install`.)",
    );
  }
  return found;
}
