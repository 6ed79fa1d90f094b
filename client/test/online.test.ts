// Two friends play one online match from two browsers: create, share link, join, seats, chat, orders, debrief.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeSerious, baseURL, openBrowser, playRound, shot, type Browser } from "./browser";

describe("online match between two browsers", () => {
  let host: Browser;
  let guest: Browser;
  beforeAll(async () => {
    [host, guest] = await Promise.all([openBrowser(), openBrowser({ width: 1100, height: 850 })]);
  });
  afterAll(async () => {
    await Promise.all([host?.close(), guest?.close()]);
  });

  it("hosts, joins by share link, chats, plays two rounds and both reach the debrief", async () => {
    const hp = host.page;
    const gp = guest.page;
    await hp.goto(`${baseURL()}/`);
    await hp.fill("#name", "Ada");
    await hp.check("#create-public");
    await hp.click("#create-match");
    await hp.waitForSelector("#lobby-code");
    const code = (await hp.textContent("#lobby-code"))!.trim();
    expect(code).toMatch(/^[A-Z0-9]{6}$/);
    const link = await hp.inputValue("#share-link");
    expect(link).toContain(`/?join=${code}`);
    // Host settings: two rounds, short timers.
    await hp.fill("#host-rounds", "2");
    await hp.press("#host-rounds", "Tab");
    await hp.fill("#host-t-delib", "0");
    await hp.press("#host-t-delib", "Tab");
    await hp.fill("#host-t-report", "0");
    await hp.press("#host-t-report", "Tab");
    await hp.waitForFunction(() => /2 rounds/.test(document.querySelector("#main")?.textContent ?? ""));

    // The friend opens the share link: the code is filled in, one click joins.
    await gp.goto(link.replace(/^https?:\/\/[^/]+/, baseURL()));
    expect(await gp.inputValue("#join-code")).toBe(code);
    // It is also listed among the public matches.
    await gp.waitForSelector('.public-list li:has-text("Ada\'s match")');
    await gp.fill("#name", "Bob");
    await gp.click("#join-btn");
    await gp.waitForSelector("#lobby-code");
    // Joining by code sits the guest at the first free seat at once (issue 11).
    await gp.waitForSelector(".seat.mine");
    await gp.click("#ready-btn");
    await hp.waitForFunction(() =>
      [...document.querySelectorAll(".seat")].some(
        (s) => /Bob/.test(s.textContent ?? "") && /✓ ready/.test(s.textContent ?? ""),
      ),
    );
    await gp.fill("#chat-input", "Hello Ada, shall we keep our research secret?");
    await gp.press("#chat-input", "Enter");
    await hp.waitForFunction(() => /Hello Ada/.test(document.querySelector(".chat-log")?.textContent ?? ""));
    await shot(hp, "lobby-host");
    await shot(gp, "lobby-guest");
    expect(await axeSerious(hp)).toEqual([]);

    await hp.click("#start-match");
    await Promise.all([hp.waitForSelector("#orders .options li"), gp.waitForSelector("#orders .options li")]);
    expect(await gp.textContent(".match-bar")).toContain(code);
    // A deal kept: Ada pays Bob one fund alongside her round-1 actions.
    await hp.click(".transfers-box > summary");
    await hp.selectOption("#transfer-to", { label: "Bob" });
    await hp.click("#transfer-add");
    await hp.waitForSelector(".planned-list.transfers li");
    // Ada gives her orders first: her own bar counts her as decided at once; Bob's learns it from the server's tick,
    // which may wait for the round's results up to a second (PROTOCOL §2) and so comes on its own while Bob thinks.
    const adaDone = playRound(hp, 1);
    const oneLeft = () =>
      [...document.querySelectorAll(".match-bar span")].some((e) => e.textContent === "1 player still deciding");
    await hp.waitForFunction(oneLeft, null, { timeout: 45_000 });
    await gp.waitForFunction(oneLeft, null, { timeout: 5_000 });
    await Promise.all([adaDone, playRound(gp, 1)]);
    // The world is random here (an online host sets no seed), and under rules 2.2 a world can be lost in round 1 (the
    // rogue actors start three levels below the line): the second round is played when it comes.
    const next = await hp.waitForFunction(
      () =>
        document.querySelector("#debrief-h")
          ? "ended"
          : document.querySelector("#planned-h")?.textContent?.includes("round 2")
            ? "round 2"
            : null,
      null,
      { timeout: 45_000 },
    );
    if ((await next.jsonValue()) === "round 2") await Promise.all([playRound(hp, 2), playRound(gp, 2)]);
    expect(await gp.textContent('.reports details.report[data-round="1"]')).toContain("Ada pays you 1 fund");
    await Promise.all([hp.waitForSelector("#debrief-h"), gp.waitForSelector("#debrief-h")]);
    const hostRows = await hp.locator("table.scores tbody tr").allTextContents();
    expect(hostRows.some((r) => r.includes("Ada"))).toBe(true);
    expect(hostRows.some((r) => r.includes("Bob"))).toBe(true);
    await shot(gp, "debrief-guest");
    expect(host.errors).toEqual([]);
    expect(guest.errors).toEqual([]);
  });
});
