// Reloading mid-match brings the player back into their seat; the lobby is interactive quickly after navigation.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LAB_PLAN, baseURL, openBrowser, playRound, shot, startSolo, type Browser } from "./browser";

describe("reload and reconnection", () => {
  let b: Browser;
  beforeAll(async () => {
    b = await openBrowser();
  });
  afterAll(async () => {
    await b?.close();
  });

  it("a reload in the middle of a round keeps the seat and its orders go through", async () => {
    const { page } = b;
    await startSolo(page, { role: "lab", rounds: 2, orders: 120, guide: false });
    await playRound(page, 1, LAB_PLAN);
    await page.waitForFunction(() => /round 2/.test(document.querySelector("#planned-h")?.textContent ?? ""));
    const before = await page.textContent(".me");
    const token = await page.evaluate(() => sessionStorage.getItem("metastrategy.session"));
    expect(token).toContain("reconnectionToken");
    await page.reload();
    // Back in the same seat: same role and funds line, the round-1 report kept, orders open for round 2.
    await page.waitForSelector("#orders .options li");
    await page.waitForFunction(() => /round 2/.test(document.querySelector("#planned-h")?.textContent ?? ""));
    expect(await page.textContent(".me")).toBe(before);
    await page.waitForSelector('.reports details.report[data-round="1"]');
    expect(await page.textContent("#board-text")).toContain("(you)");
    await shot(page, "after-reload");
    await playRound(page, 2, LAB_PLAN);
    await page.waitForSelector("#debrief-h");
    expect(b.errors).toEqual([]);
  });

  it("the lobby is interactive within 1.5 s of navigation (reload of a host in the lobby)", async () => {
    const { page } = b;
    await page.goto(`${baseURL()}/`);
    await page.evaluate(() => sessionStorage.clear());
    await page.goto(`${baseURL()}/`);
    await page.click("#create-match");
    await page.waitForSelector("#start-match");
    const t0 = Date.now();
    await page.reload();
    await page.waitForSelector("#start-match:not([disabled])");
    await page.click("#ready-btn");
    await page.waitForSelector("#ready-btn[aria-pressed=true]");
    const ms = Date.now() - t0;
    const nav = await page.evaluate(() => {
      const e = performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming;
      return { domInteractive: Math.round(e.domInteractive), load: Math.round(e.loadEventEnd) };
    });
    console.log(JSON.stringify({ lobbyInteractiveMs: ms, ...nav }));
    expect(ms).toBeLessThan(1500);
  });
});
