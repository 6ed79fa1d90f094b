// A new player's first steps (issue 11): a calm first solo table, the solo clock stopped while the guide is open (and
// said so; online it runs), the goals card, a joiner by code seated at once, and a bot level per seat in the lobby.
import { afterAll, describe, expect, it } from "vitest";
import { DIFFICULTIES } from "@metastrategy/shared";
import { baseURL, openBrowser, type Browser } from "./browser";

const opened: Browser[] = [];
afterAll(async () => {
  await Promise.all(opened.map((b) => b.close()));
});
async function open(opts: Parameters<typeof openBrowser>[0] = {}): Promise<Browser> {
  const b = await openBrowser(opts);
  opened.push(b);
  return b;
}

describe("first match", () => {
  it("a first solo match is a calm table and says so; the guide stops the solo clock and says so", async () => {
    const b = await open({ width: 390, height: 844, mobile: true });
    const { page } = b;
    await page.goto(`${baseURL()}/`);
    expect(await page.inputValue("#solo-difficulty")).toBe("easy");
    expect(await page.textContent("#calm-note")).toMatch(/first match is a calm table/i);
    // The levels offered are the shared list, whatever it holds.
    expect(
      await page.locator("#solo-difficulty option").evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value)),
    ).toEqual([...DIFFICULTIES]);
    // The join box sits near the top on a phone: above the solo section.
    const joinY = (await page.locator("#join-code").boundingBox())!.y;
    const soloY = (await page.locator("#start-solo").boundingBox())!.y;
    expect(joinY).toBeLessThan(soloY);
    await page.click("#start-solo");
    await page.waitForSelector(".guide[role=dialog]");
    expect(await page.textContent("#guide-clock")).toMatch(/paused/i);
    await page.waitForSelector(".phase-paused");
    expect(await page.textContent("#paused-note")).toMatch(/guide/i);
    expect(await page.textContent("#bot-levels")).toMatch(/easy/);
    // The server holds the clock: the phase shows the frozen time left, not a countdown.
    // (It is drawn when the held phase's time arrives: wait for it rather than read at once.)
    await page.waitForFunction(() => /^\d+:\d\d$/.test(document.querySelector(".big-timer")?.textContent ?? ""));
    expect(await page.textContent(".big-timer")).toMatch(/^\d+:\d\d$/);
    await page.click("#guide-next");
    await page.click("#guide-skip");
    await page.waitForSelector(".phase-paused", { state: "detached" });
    expect(await page.isVisible("#paused-note")).toBe(false);
    // The goals card: doctrine objectives, prestige so far, and the score if the match ended now.
    await page.waitForSelector("#goals #score-now");
    expect(await page.textContent("#goals")).toMatch(/Objectives/);
    expect(Number(await page.textContent("#score-now"))).toBeGreaterThan(0);
    await page.click("#host-menu-btn");
    page.once("dialog", (d) => void d.accept());
    await page.click("#end-match");
    await page.waitForSelector("#debrief-h");
    await page.click("#play-again");
    await page.waitForSelector("#start-solo");
    // The second solo match is back to normal bots.
    expect(await page.inputValue("#solo-difficulty")).toBe("normal");
    expect(b.errors).toEqual([]);
  });
});

describe("joining by code and bot levels", () => {
  it("a joiner by code is seated at once; the host sets each open or bot seat's level; online the guide does not pause", async () => {
    const host = await open({ width: 1280, height: 800 });
    const guest = await open({ width: 360, height: 740, mobile: true });
    const hp = host.page;
    const gp = guest.page;
    await hp.goto(`${baseURL()}/`);
    await hp.fill("#name", "Ada");
    await hp.click("#create-match");
    await hp.waitForSelector("#lobby-code");
    const code = (await hp.textContent("#lobby-code"))!.trim();
    await gp.goto(`${baseURL()}/?join=${code}`);
    await gp.fill("#name", "Bob");
    await gp.click("#join-btn");
    await gp.waitForSelector("#lobby-wait");
    expect(await gp.textContent("#lobby-wait")).toMatch(/You sit at seat 2/);
    await hp.waitForFunction(() => document.querySelector('[data-seat="1"] .seat-who')?.textContent?.includes("Bob"));
    // The guest may still move to another seat or leave it to watch.
    expect(await gp.locator("button:has-text('Leave seat')").count()).toBe(1);
    // Bot levels per seat, from the shared list.
    const sel = hp.locator("#seat-2-diff");
    expect(await sel.locator("option").evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value))).toEqual([
      ...DIFFICULTIES,
    ]);
    await sel.selectOption("hard");
    await hp.waitForFunction(() => /hard/.test(document.querySelector('[data-seat="2"] .seat-who')?.textContent ?? ""));
    await gp.waitForFunction(() => /hard/.test(document.querySelector('[data-seat="2"] .seat-who')?.textContent ?? ""));
    await hp.click("#start-match");
    await hp.waitForSelector("#orders .options li");
    await gp.waitForSelector("#orders .options li");
    // Online, the guide explains but never stops the clock.
    await hp.click("button:has-text('Guide')");
    await hp.waitForSelector(".guide[role=dialog]");
    expect(await hp.textContent("#guide-clock")).toMatch(/keeps running/i);
    expect(await hp.locator(".phase-paused").count()).toBe(0);
    await hp.click("#guide-skip");
    expect(host.errors).toEqual([]);
    expect(guest.errors).toEqual([]);
  });
});
