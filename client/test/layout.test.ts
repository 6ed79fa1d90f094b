// Phone and tablet widths (360, 390, 768 px): every role's orders panel, the lobby, the report and the end screens
// must fit the screen: no sideways scrolling of the page and no text cut by its container. Screenshots of each
// (and of 1280 px) go to artifacts/screenshots for a person to look at.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { addActions, ANY_PLAN, baseURL, dismissHints, LAB_PLAN, openBrowser, shot, type Browser } from "./browser";

const WIDTHS = [360, 390, 768];
const SHOT_WIDTHS = [...WIDTHS, 1280];

/** Everything that does not fit: the page wider than the screen, text out of the screen or cut by an ancestor that clips. */
export async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const W = window.innerWidth;
    const sw = document.documentElement.scrollWidth;
    if (sw > W) out.push(`the page is ${sw} px wide on a ${W} px screen`);
    const skip =
      ".sr-only, .skip, .text-board-wrap:not(.shown), svg, canvas, select, option, textarea, .guide-layer, #announcer, #alert";
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    const seen = new Set<Element>();
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      if (!el || !n.textContent?.trim() || el.closest(skip)) continue;
      range.selectNodeContents(n);
      const r = range.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      const cs = getComputedStyle(el);
      if (cs.visibility === "hidden" || cs.display === "none") continue;
      const label = `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${el.classList.length ? `.${[...el.classList].join(".")}` : ""} "${n.textContent.trim().slice(0, 40)}"`;
      // The nearest ancestor that clips or scrolls decides: scrolling keeps text reachable, clipping cuts it.
      let clipper: Element | null = null;
      let scrolls = false;
      for (let a: Element | null = el; a && a !== document.body; a = a.parentElement) {
        const acs = getComputedStyle(a);
        if (acs.overflowX === "visible" && acs.overflowY === "visible") continue;
        if (["auto", "scroll"].includes(acs.overflowX)) {
          scrolls = true;
          break;
        }
        clipper = a;
        break;
      }
      if (scrolls) continue;
      if ((r.right > W + 1 || r.left < -1) && !seen.has(el)) {
        seen.add(el);
        out.push(`off the screen (${Math.round(r.left)}–${Math.round(r.right)}): ${label}`);
        continue;
      }
      if (clipper) {
        const c = clipper.getBoundingClientRect();
        if (
          (r.right > c.right + 1 || r.left < c.left - 1 || r.bottom > c.bottom + 1 || r.top < c.top - 1) &&
          !seen.has(el)
        ) {
          seen.add(el);
          out.push(`cut by ${clipper.tagName.toLowerCase()}.${[...clipper.classList].join(".")}: ${label}`);
        }
      }
    }
    return out;
  });
}

async function atWidths(b: Browser, name: string, prepare?: (page: Page) => Promise<void>): Promise<void> {
  const { page } = b;
  for (const w of SHOT_WIDTHS) {
    await page.setViewportSize({ width: w, height: w < 700 ? 800 : w < 1000 ? 1024 : 800 });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    await prepare?.(page);
    await shot(page, `${name}-${w}`);
    if (WIDTHS.includes(w)) expect(await layoutProblems(page), `${name} at ${w} px`).toEqual([]);
  }
}

/** Opens every disclosure inside the selector (the report, the deals, the switch, the score sources…). */
async function openAll(page: Page, selector: string): Promise<void> {
  await page.evaluate((sel) => {
    for (const d of document.querySelectorAll<HTMLDetailsElement>(`${sel} details:not(.concept)`)) d.open = true;
  }, selector);
}

async function startSoloAt(page: Page, role: string, rounds: number): Promise<void> {
  await page.goto(`${baseURL()}/`);
  await page.evaluate(() => {
    sessionStorage.clear();
    localStorage.setItem("metastrategy.guideDone", "1");
  });
  await page.goto(`${baseURL()}/`);
  await page.click(`#role-${role}`);
  await page.click("details.more > summary");
  await page.fill("#solo-rounds", String(rounds));
  await page.fill("#solo-orders-seconds", "600");
  // A fixed world, as startSolo (browser.ts) uses: with a random one about 1 match in 100 ended in round 1 (rules 2.3:
  // a leak carried the rogue track past TAI) and round 2 never came.
  await page.fill("#solo-seed", "3");
  await page.click("#start-solo");
  await page.waitForSelector("#orders .options li");
  await page.waitForSelector(".board-wrap[data-ready] canvas");
}

async function submitRound(page: Page, round: number, plan: string[]): Promise<void> {
  await page.waitForFunction((r) => {
    const hd = document.querySelector("#planned-h");
    return (
      !!hd &&
      hd.textContent?.includes(`round ${r}`) &&
      !(document.querySelector("#submit-orders") as HTMLButtonElement | null)?.disabled
    );
  }, round);
  await dismissHints(page);
  await addActions(page, plan, 2);
  await page.click("#submit-orders");
  await page.waitForSelector(`.reports details.report[data-round="${round}"], #debrief-h`, { timeout: 60_000 });
}

const PLANS: Record<string, string[]> = {
  lab: LAB_PLAN,
  regulator: ["enact", "campaign", "enforce", "audit"],
  researcher: ["theory", "alignment", "interpretability", "applyGrant"],
};

describe("layouts at 360, 390 and 768 px", () => {
  let b: Browser;
  beforeAll(async () => {
    b = await openBrowser({ width: 360, height: 800, mobile: false });
  });
  afterAll(async () => {
    await b?.close();
  });

  it("the lobby, then a match the host ends: no 'world lost' in a green box", async () => {
    const { page } = b;
    await page.setViewportSize({ width: 390, height: 800 });
    await page.goto(`${baseURL()}/`);
    await page.waitForSelector("#start-solo");
    await atWidths(b, "home", async (p) => {
      await p.evaluate(() => {
        const d = document.querySelector<HTMLDetailsElement>("details.more");
        if (d) d.open = true;
      });
    });
    await page.click("#create-match");
    await page.waitForSelector("#lobby-code");
    await page.waitForSelector("select.bot-level");
    await atWidths(b, "lobby");
    // The check itself finds a line of text too wide for the phone.
    await page.setViewportSize({ width: 360, height: 800 });
    await page.evaluate(() => {
      const p = document.createElement("p");
      p.id = "too-wide";
      p.style.whiteSpace = "nowrap";
      p.textContent = "x".repeat(120);
      document.querySelector("main")!.append(p);
    });
    expect((await layoutProblems(page)).join("\n")).toMatch(/wide|off the screen/);
    await page.evaluate(() => document.getElementById("too-wide")?.remove());
    await page.click("#start-match");
    await page.waitForSelector("#orders .options li");
    await atWidths(b, "match-host");
    await page.setViewportSize({ width: 390, height: 800 });
    // On a phone the host controls sit behind one button.
    expect(await page.locator("#end-match").isVisible()).toBe(false);
    await page.click("#host-menu-btn");
    page.once("dialog", (d) => void d.accept());
    await page.click("#end-match");
    await page.waitForSelector("#debrief-h");
    const ending = page.locator(".debrief .ending");
    expect(await ending.getAttribute("class")).toContain("ending-stopped");
    expect(await ending.textContent()).not.toMatch(/world was lost|got 0 of 100/i);
    expect(await page.textContent("#debrief-h")).toMatch(/host ended/i);
    await openAll(page, ".debrief");
    await atWidths(b, "end-host-ended");
    await page.click("#leave-match");
    await page.waitForSelector("#start-solo");
    expect(b.errors).toEqual([]);
  });

  for (const role of ["lab", "regulator", "researcher"] as const) {
    it(`the ${role}'s orders panel, its report and its end screen`, async () => {
      const { page } = b;
      await page.setViewportSize({ width: 390, height: 800 });
      await startSoloAt(page, role, 2);
      await openAll(page, "#orders");
      // The regulator's policy list carries the longest option texts: pick the longest one.
      if (role === "regulator") {
        await page.evaluate(() => {
          const sel = document.querySelector<HTMLSelectElement>("#opt-enact-policy");
          if (!sel) return;
          const longest = [...sel.options].sort((a, c) => c.text.length - a.text.length)[0];
          sel.value = longest.value;
          sel.dispatchEvent(new Event("change", { bubbles: true }));
        });
        await openAll(page, "#orders");
      }
      await atWidths(b, `orders-${role}`);
      await submitRound(page, 1, PLANS[role] ?? ANY_PLAN);
      await page.waitForSelector("#latest-h");
      await openAll(page, ".reports");
      await atWidths(b, `report-${role}`);
      await submitRound(page, 2, PLANS[role] ?? ANY_PLAN);
      await page.waitForSelector("#debrief-h");
      await openAll(page, ".debrief");
      await atWidths(b, `end-${role}`);
      if (role === "researcher") {
        await page.click("#watch-replay");
        await page.waitForSelector("#replay-board[data-ready] canvas");
        await page.click("#replay-next");
        await atWidths(b, "replay-round1");
        await page.click("#replay-last");
        await page.waitForSelector(".replay-end .debrief");
        await atWidths(b, "replay-end");
        await page.goto(`${baseURL()}/#replays`);
        await page.waitForSelector("ul.matches li");
        expect(await page.textContent("ul.matches")).toMatch(/your score \d+/);
        await atWidths(b, "replays");
        await page.goto(`${baseURL()}/`);
        await page.evaluate(() => sessionStorage.clear());
        return;
      }
      await page.click("#play-again");
      await page.waitForSelector("#start-solo");
      expect(b.errors).toEqual([]);
    });
  }
});
