// A newcomer's solo match played through the UI to the debrief, then its replay; axe and screenshots on the way.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeSerious, dismissHints, LAB_PLAN, openBrowser, playRound, shot, startSolo, type Browser } from "./browser";

describe("solo match in the browser", () => {
  let b: Browser;
  beforeAll(async () => {
    b = await openBrowser();
  });
  afterAll(async () => {
    await b?.close();
  });

  it("plays three rounds against bots to the debrief, with the guide, reports, charts and replay", async () => {
    const { page } = b;
    await startSolo(page, { role: "lab", rounds: 3, orders: 60 });
    // The board is loaded lazily and the first-match guide points at it.
    await page.waitForSelector(".board-wrap[data-ready] canvas");
    await page.waitForSelector(".guide[role=dialog]");
    await shot(page, "match-guide");
    expect(await axeSerious(page)).toEqual([]);
    for (let i = 0; i < 7; i++) await page.click("#guide-next");
    await page.waitForSelector(".guide", { state: "detached" });
    await shot(page, "match-orders");
    // Redraw on change, not at 60 fps: once the animations end the board's loop sleeps.
    await page.waitForSelector(".board-wrap[data-idle]", { timeout: 10_000 });
    // The text mirror lists every lab and the rogue actors.
    const text = await page.textContent("#board-text");
    expect(text).toContain("Rogue actors");
    expect(text).toContain("(you)");
    // Illegal actions are disabled and say why.
    expect(await page.locator("#opt-buildDefense-add").isDisabled()).toBe(true);
    expect(await page.textContent("#opt-buildDefense-why")).toMatch(/defense needs/i);

    await playRound(page, 1, LAB_PLAN);
    await page.waitForSelector('.reports details.report[data-round="1"][open] .entries li');
    // Each report entry links to its concept's explanation.
    // The guide keeps pointing things out as they first happen: the first report gets a hint.
    await page.waitForSelector(".guide-layer.hint .guide");
    await dismissHints(page);
    const concept = page.locator('.reports details.report[data-round="1"] details.concept').first();
    await concept.locator("summary").click();
    await concept.locator(".concept-line").waitFor({ state: "visible" });
    await shot(page, "report");
    expect(await axeSerious(page)).toEqual([]);
    expect(await page.locator("#announcer p").count()).toBeGreaterThan(0);

    await playRound(page, 2, LAB_PLAN);
    await playRound(page, 3, LAB_PLAN);
    await page.waitForSelector("#debrief-h", { timeout: 60_000 });
    const debrief = page.locator(".debrief");
    await debrief.locator("table.reveal").waitFor({ state: "visible" });
    expect(await debrief.locator("figure.chart").count()).toBe(4);
    expect(await debrief.locator("figure.chart table.data").count()).toBe(4);
    expect(await debrief.locator("table.scores tbody tr").count()).toBe(6);
    await shot(page, "debrief");
    expect(await axeSerious(page)).toEqual([]);

    await page.click("#watch-replay");
    await page.waitForSelector("#replay-board[data-ready] canvas");
    await page.click("#replay-next");
    await page.waitForFunction(() => /After round 1/.test(document.querySelector(".replay-pos")?.textContent ?? ""));
    await page.click("#replay-last");
    await page.waitForSelector(".replay-end .debrief");
    await shot(page, "replay");
    expect(await axeSerious(page)).toEqual([]);
    expect(b.errors).toEqual([]);
  });
});
