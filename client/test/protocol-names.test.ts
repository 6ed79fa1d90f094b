// The client keeps its own copy of the message names (to keep zod out of the first load): they must match shared.
import { describe, expect, it } from "vitest";
import { MAX_CHAT as SHARED_MAX_CHAT, MSG as SHARED_MSG, SMSG as SHARED_SMSG } from "@metastrategy/shared";
import { MAX_CHAT, MSG, SMSG } from "../src/net/names";

describe("protocol names", () => {
  it("every client message name equals shared's", () => {
    for (const [k, v] of Object.entries(MSG)) expect(v).toBe((SHARED_MSG as Record<string, string>)[k]);
  });
  it("every server message name equals shared's", () => {
    expect(SMSG).toEqual(SHARED_SMSG);
  });
  it("the chat limit equals shared's", () => {
    expect(MAX_CHAT).toBe(SHARED_MAX_CHAT);
  });
});
