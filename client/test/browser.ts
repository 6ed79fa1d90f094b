// Helpers for driving the client in Debian's Chromium: fresh profiles, screenshots, axe checks, common flows.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { inject } from "vitest";
import { CHROMIUM_FLAGS, SHOTS_DIR } from "./env";

export interface Browser {
  ctx: BrowserContext;
  page: Page;
  /** Uncaught page errors and console errors seen so far. */
  errors: string[];
  close(): Promise<void>;
}

export const baseURL = (): string => inject("baseURL");

export async function openBrowser(opts: { width?: number; height?: number; mobile?: boolean } = {}): Promise<Browser> {
  const dir = mkdtempSync(join(tmpdir(), "ms-chromium-"));
  const ctx = await chromium.launchPersistentContext(dir, {
    executablePath: inject("chromium"),
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: opts.width ?? 1366, height: opts.height ?? 900 },
    deviceScaleFactor: 1,
    isMobile: opts.mobile ?? false,
    hasTouch: opts.mobile ?? false,
  });
  const page = ctx.pages()[0] ?? (await ctx.newPage());
  page.setDefaultTimeout(30_000);
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(`pageerror: ${e.message}\n${e.stack ?? ""}`));
  page.on("console", (m) => {
    if (m.type() === "error" && !/GL Driver|WebGL|favicon/i.test(m.text())) errors.push(`console: ${m.text()}`);
  });
  return {
    ctx,
    page,
    errors,
    async close() {
      await ctx.close().catch(() => {});
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function shot(page: Page, name: string): Promise<string> {
  const path = join(SHOTS_DIR, `${name}.png`);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path, fullPage: true });
  return path;
}

const require = createRequire(import.meta.url);
let axeSource: string | null = null;

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/** Runs axe-core on the page; returns serious and critical violations. */
export async function axeSerious(page: Page): Promise<AxeViolation[]> {
  axeSource ??= readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");
  if (!(await page.evaluate(() => "axe" in window))) await page.addScriptTag({ content: axeSource });
  const res = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run: (
            ctx: unknown,
            opts: unknown,
          ) => Promise<{
            violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[];
          }>;
        };
      }
    ).axe;
    const r = await axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => JSON.stringify(n.target)),
    }));
  });
  return res.filter((v) => v.impact === "serious" || v.impact === "critical");
}

export async function startSolo(
  page: Page,
  opts: {
    role?: "lab" | "regulator" | "researcher";
    rounds?: number;
    orders?: number;
    guide?: boolean;
    /** The world's seed, fixed so a test's match never ends early by chance (under rules 2.2 seed 3 survives three rounds
     * of every test's plan with easy bots, whether the lab passes, researches unpublished or publishes; seeds 1 and 2 die
     * to rogue actors in round 2). Re-check it when bot or rule behaviour changes. */
    seed?: number | "";
  } = {},
): Promise<void> {
  await page.goto(`${baseURL()}/`);
  if (opts.guide === false) await page.evaluate(() => localStorage.setItem("metastrategy.guideDone", "1"));
  await page.click(`#role-${opts.role ?? "lab"}`);
  await page.click("details.more > summary");
  await page.fill("#solo-rounds", String(opts.rounds ?? 3));
  await page.fill("#solo-orders-seconds", String(opts.orders ?? 60));
  await page.fill("#solo-seed", String(opts.seed ?? 3));
  await page.click("#start-solo");
  await page.waitForSelector("#orders .options li");
}

/** Adds the first enabled actions among the wanted kinds, up to n. */
export async function addActions(page: Page, kinds: string[], n = 2): Promise<number> {
  let added = 0;
  for (const k of kinds) {
    if (added >= n) break;
    const btn = page.locator(`#opt-${k}-add`);
    if ((await btn.count()) === 0 || (await btn.isDisabled())) continue;
    await btn.click();
    added++;
  }
  return added;
}

export const LAB_PLAN = ["alignment", "capability", "validate", "security", "deploy", "minimalRiskTest"];
export const ANY_PLAN = [
  "alignment",
  "capability",
  "validate",
  "security",
  "deploy",
  "campaign",
  "enforce",
  "theory",
  "applyGrant",
  "interpretability",
  "enact",
  "audit",
];

/** Gives orders for the current round and waits for its report (or the end). */
export async function playRound(page: Page, round: number, plan = ANY_PLAN): Promise<void> {
  try {
    await page.waitForFunction(
      (r) => {
        const h = document.querySelector("#planned-h");
        return (
          !!h &&
          h.textContent?.includes(`round ${r}`) &&
          !(document.querySelector("#submit-orders") as HTMLButtonElement | null)?.disabled
        );
      },
      round,
      { timeout: 45_000 },
    );
  } catch (e) {
    // Say what the page showed instead of round `round`'s open orders (a flake seen once on a loaded machine).
    console.log(
      `Round ${round}'s orders never opened; the page said:\n`,
      (await page.evaluate(() => document.body.innerText)).slice(0, 3000),
    );
    throw e;
  }
  await dismissHints(page);
  await addActions(page, plan, 2);
  await page.click("#submit-orders");
  try {
    await page.waitForSelector(`.reports details.report[data-round="${round}"], #debrief-h`, { timeout: 40_000 });
  } catch (e) {
    console.log(
      `No report for round ${round}; the page said:\n`,
      (await page.evaluate(() => document.body.innerText)).slice(0, 3000),
    );
    throw e;
  }
}

/** Presses Tab until the focused element matches the selector. */
export async function tabTo(page: Page, selector: string, max = 80): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Tab never reached ${selector}`);
}

/** Closes any guide hint on screen (they point things out as the first match goes). */
export async function dismissHints(page: Page): Promise<void> {
  for (let i = 0; i < 5 && (await page.locator(".guide #guide-next").count()) > 0; i++) {
    await page
      .locator(".guide #guide-next")
      .click()
      .catch(() => {});
  }
}
