// Classroom message names (shared/src/protocol/messages.ts), copied like net/names.ts to keep zod out of the client.
export const CMSG = {
  propose: "propose",
  vote: "vote",
  poll: "poll",
  hostInject: "host:inject",
  hostMove: "host:move",
  hostTeamBot: "host:teamBot",
  hostSettings: "host:settings",
} as const;
