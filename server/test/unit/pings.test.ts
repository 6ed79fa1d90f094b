// Spread pings: every client pinged once per interval (one slice a tick), closed after maxRetries unanswered pings.
import { describe, expect, it } from "vitest";
import { SpreadPings, type Pingable } from "../../src/pings.js";

function client(): Pingable & { pings: number; closed: boolean } {
  return {
    pingCount: 0,
    pings: 0,
    closed: false,
    ping() {
      this.pings++;
    },
    terminate() {
      this.closed = true;
    },
  };
}

describe("spread pings", () => {
  it("ping each client once per interval, a slice per tick", () => {
    const clients = Array.from({ length: 25 }, client);
    const p = new SpreadPings(10, 3);
    const perTick: number[] = [];
    for (let t = 0; t < 10; t++) {
      const before = clients.reduce((n, c) => n + c.pings, 0);
      p.tick(clients);
      perTick.push(clients.reduce((n, c) => n + c.pings, 0) - before);
    }
    expect(clients.map((c) => c.pings)).toEqual(clients.map(() => 1));
    expect(Math.max(...perTick)).toBe(3);
    for (let t = 0; t < 10; t++) p.tick(clients);
    expect(clients.map((c) => c.pings)).toEqual(clients.map(() => 2));
  });

  it("close a client after maxRetries pings without a pong; one that answers stays", () => {
    const quiet = client();
    const answers = client();
    const p = new SpreadPings(4, 2);
    for (let t = 0; t < 4 * 3; t++) {
      p.tick([quiet, answers]);
      answers.pingCount = 0; // its pong came back
    }
    expect(quiet.pings).toBe(2);
    expect(quiet.closed).toBe(true);
    expect(answers.closed).toBe(false);
    expect(answers.pings).toBe(3);
  });

  it("a client that joins later gets a slice and is pinged within one interval", () => {
    const p = new SpreadPings(5, 3);
    const first = client();
    p.tick([first]);
    const late = client();
    for (let t = 0; t < 5; t++) p.tick([first, late]);
    expect(late.pings).toBe(1);
  });

  it("skip a client heard from since its last tick; ping it again once it goes quiet, close it when it stops answering", () => {
    const talker = { ...client(), _socket: { bytesRead: 100 } };
    const p = new SpreadPings(2, 3);
    const interval = () => {
      p.tick([talker]);
      p.tick([talker]);
    };
    interval(); // nothing heard yet: pinged
    expect(talker.pings).toBe(1);
    for (let i = 0; i < 5; i++) {
      talker._socket.bytesRead += 50; // a message (or the pong) came in meanwhile
      interval();
    }
    expect(talker.pings).toBe(1);
    expect(talker.pingCount).toBe(0);
    // Silent from now on: pinged each interval, closed after 3 unanswered pings.
    for (let i = 0; i < 4; i++) interval();
    expect(talker.pings).toBe(4);
    expect(talker.closed).toBe(true);
  });
});
