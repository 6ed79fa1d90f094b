// Axe on every screen and screenshots of each, on a desktop and on a 360 px phone.
import { afterAll, describe, expect, it } from "vitest";
import { axeSerious, baseURL, openBrowser, playRound, shot, startSolo, type Browser } from "./browser";

const opened: Browser[] = [];
afterAll(async () => {
  await Promise.all(opened.map((b) => b.close()));
});

async function open(opts: Parameters<typeof openBrowser>[0] = {}): Promise<Browser> {
  const b = await openBrowser(opts);
  opened.push(b);
  return b;
}

/** Every visible button, link, input and select is at least 44 px in both directions (inline concept chips excepted). */
async function smallTargets(b: Browser): Promise<string[]> {
  return b.page.evaluate(() => {
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(
      "button, a.btn, input[type=text], input[type=number], select, summary",
    )) {
      if (el.closest("details.concept") || el.closest(".sr-only") || el.closest(".text-board-wrap:not(.shown)"))
        continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (r.height < 43.5 || r.width < 43.5)
        out.push(
          `${el.tagName.toLowerCase()}#${el.id || ""}.${el.className} ${Math.round(r.width)}x${Math.round(r.height)} "${(el.textContent ?? "").trim().slice(0, 30)}"`,
        );
    }
    return out;
  });
}

describe("every screen", () => {
  it("home, how to play and replays pass axe on desktop and phone", async () => {
    for (const [label, opts] of [
      ["desktop", {}],
      ["phone", { width: 360, height: 740, mobile: true }],
    ] as const) {
      const b = await open(opts);
      const { page } = b;
      await page.goto(`${baseURL()}/`);
      await page.waitForSelector("#start-solo");
      await shot(page, `home-${label}`);
      expect(await axeSerious(page), `home ${label}`).toEqual([]);
      expect(await smallTargets(b), `home ${label}`).toEqual([]);
      await page.goto(`${baseURL()}/#howto`);
      await page.waitForSelector("#h-gloss");
      await shot(page, `howto-${label}`);
      expect(await axeSerious(page), `howto ${label}`).toEqual([]);
      await page.goto(`${baseURL()}/#howto/leak`);
      await page.waitForSelector("#g-leak.flash");
      await page.goto(`${baseURL()}/#replays`);
      await page.waitForSelector("#replay-code");
      await shot(page, `replays-${label}`);
      expect(await axeSerious(page), `replays ${label}`).toEqual([]);
      expect(b.errors).toEqual([]);
    }
  });

  it("lobby, match, report and debrief on a 360 px phone", async () => {
    const b = await open({ width: 360, height: 740, mobile: true });
    const { page } = b;
    await page.goto(`${baseURL()}/`);
    await page.click("#create-match");
    await page.waitForSelector("#lobby-code");
    await shot(page, "lobby-phone");
    expect(await axeSerious(page)).toEqual([]);
    expect(await smallTargets(b)).toEqual([]);
    const noOverflow = () => page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth + 1);
    expect(await noOverflow()).toBe(true);
    await page.click("#leave-match, .lobby button:has-text('Leave match')");
    await page.waitForSelector("#start-solo");
    await startSolo(page, { role: "researcher", rounds: 1, orders: 60 });
    await page.waitForSelector(".board-wrap[data-ready] canvas");
    await page.waitForSelector(".guide[role=dialog]");
    await shot(page, "match-guide-phone");
    await page.click("#guide-skip");
    await shot(page, "match-phone");
    expect(await axeSerious(page)).toEqual([]);
    expect(await smallTargets(b)).toEqual([]);
    expect(await noOverflow()).toBe(true);
    await page.click("#toggle-text");
    await page.waitForSelector("#board-text.shown table");
    await playRound(page, 1);
    await page.waitForSelector("#debrief-h");
    await shot(page, "debrief-phone");
    expect(await axeSerious(page)).toEqual([]);
    expect(await noOverflow()).toBe(true);
    expect(b.errors).toEqual([]);
  });
});
