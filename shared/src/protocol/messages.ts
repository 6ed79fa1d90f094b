// Every message a client may send to the server, and the options a match is created with.
import { z } from "zod";
import { DIFFICULTIES, DOCTRINES, ROLES } from "../rules/types.js";
import { SCENARIO_IDS } from "../content/scenarios.js";
import { SeatOrdersSchema } from "./orders.js";
import { refusal, type Refusal } from "./refusals.js";

export * from "./names.js";
import { MAX_CHAT, MSG } from "./names.js";

const scenario = z.string().refine((s) => SCENARIO_IDS.includes(s), { message: "Unknown scenario." });
const difficulty = z.enum(DIFFICULTIES);
const seat = z.number().int().min(0).max(7);

export const TimersSchema = z
  .object({
    news: z.number().int().min(0).max(600),
    deliberation: z.number().int().min(0).max(1800),
    orders: z.number().int().min(5).max(1800),
    report: z.number().int().min(0).max(600),
  })
  .strict();
export type Timers = z.infer<typeof TimersSchema>;
export const DEFAULT_TIMERS: Timers = { news: 5, deliberation: 60, orders: 90, report: 15 };

export const SeatConfigSchema = z
  .object({
    role: z.enum(ROLES),
    bot: z.boolean().default(false),
    difficulty: difficulty.default("normal"),
    doctrine: z.enum(DOCTRINES).optional(),
  })
  .strict();

export const JoinOptionsSchema = z
  .object({
    name: z.string().trim().min(1).max(24).optional(),
    spectator: z.boolean().optional(),
    /** Take the first free seat on joining (the lobby still lets the player move or watch). */
    autoSeat: z.boolean().optional(),
    seatToken: z.string().max(128).optional(),
    hostToken: z.string().max(128).optional(),
  })
  .strict();

export type JoinOptions = z.infer<typeof JoinOptionsSchema>;

export const CreateOptionsSchema = z
  .object({
    mode: z.enum(["online", "solo", "classroom"]).default("online"),
    scenario: scenario.default("baseline"),
    rounds: z.number().int().min(1).max(30).optional(),
    seats: z.array(SeatConfigSchema).min(1).max(8).optional(),
    timers: TimersSchema.partial().optional(),
    public: z.boolean().default(false),
    name: z.string().trim().min(1).max(40).optional(),
    seed: z
      .number()
      .int()
      .min(0)
      .max(2 ** 31 - 1)
      .optional(),
    /** Classroom: most students per team seat; later ones become observers (default 4). */
    teamSize: z.number().int().min(1).max(12).optional(),
    /** The creator's own join options (name, tokens). */
    player: JoinOptionsSchema.optional(),
  })
  .strict();
export type CreateOptions = z.infer<typeof CreateOptionsSchema>;

export const ChatSchema = z.object({ text: z.string().trim().min(1).max(MAX_CHAT) }).strict();
export const TakeSeatSchema = z.object({ seat }).strict();
export const SetDoctrineSchema = z.object({ doctrine: z.enum(DOCTRINES) }).strict();
export const ReadySchema = z.object({ ready: z.boolean() }).strict();
export const ReclaimSchema = z.object({ seat, token: z.string().min(8).max(128) }).strict();
export const ProposeSchema = z.object({ orders: SeatOrdersSchema }).strict();
export const VoteSchema = z.object({ proposal: z.number().int().min(0).max(10000) }).strict();
export const PollSchema = z.object({ opinion: z.union([z.literal(-1), z.literal(0), z.literal(1)]) }).strict();
export const HostSettingsSchema = z
  .object({
    scenario: scenario.optional(),
    rounds: z.number().int().min(1).max(30).optional(),
    timers: TimersSchema.partial().optional(),
    public: z.boolean().optional(),
    teamSize: z.number().int().min(1).max(12).optional(),
  })
  .strict();
export const HostSeatSchema = z
  .object({
    seat,
    bot: z.boolean(),
    difficulty: difficulty.optional(),
    role: z.enum(ROLES).optional(),
    remove: z.boolean().optional(),
    doctrine: z.enum(DOCTRINES).optional(),
  })
  .strict();
export const HostExtendSchema = z.object({ seconds: z.number().int().min(5).max(600) }).strict();
export const HostKickSchema = z.object({ seat }).strict();
export const HostInjectSchema = z.object({ card: z.string().min(1).max(64) }).strict();
export const HostMoveSchema = z
  .object({ student: z.string().min(1).max(64), seat: z.number().int().min(-1).max(7) })
  .strict();
export const HostTeamBotSchema = z.object({ seat, bot: z.boolean() }).strict();
export const EmptySchema = z.object({}).strict();
/** The built-in lobby room's one message (`filter`): which rooms to list; anything else is refused, never stored. */
export const LobbyFilterSchema = z
  .object({
    name: z.string().max(64).optional(),
    metadata: z
      .record(z.string().max(64), z.union([z.string().max(128), z.number(), z.boolean(), z.null()]))
      .optional(),
  })
  .strict()
  .nullable();

/** Schema per message name: the room validates every message against this table. */
export const MESSAGE_SCHEMAS = {
  [MSG.orders]: SeatOrdersSchema,
  [MSG.chat]: ChatSchema,
  [MSG.takeSeat]: TakeSeatSchema,
  [MSG.leaveSeat]: EmptySchema,
  [MSG.setDoctrine]: SetDoctrineSchema,
  [MSG.ready]: ReadySchema,
  [MSG.reclaim]: ReclaimSchema,
  [MSG.propose]: ProposeSchema,
  [MSG.vote]: VoteSchema,
  [MSG.poll]: PollSchema,
  [MSG.hostSettings]: HostSettingsSchema,
  [MSG.hostSeat]: HostSeatSchema,
  [MSG.hostStart]: EmptySchema,
  [MSG.hostPause]: EmptySchema,
  [MSG.hostResume]: EmptySchema,
  [MSG.hostExtend]: HostExtendSchema,
  [MSG.hostEndPhase]: EmptySchema,
  [MSG.hostKick]: HostKickSchema,
  [MSG.hostEndMatch]: EmptySchema,
  [MSG.hostInject]: HostInjectSchema,
  [MSG.hostMove]: HostMoveSchema,
  [MSG.hostTeamBot]: HostTeamBotSchema,
} as const;

export type MessageName = keyof typeof MESSAGE_SCHEMAS;

/** Client → server payloads, inferred from the schemas (one source of truth for both sides). */
export type ClientMessages = { [K in MessageName]: z.infer<(typeof MESSAGE_SCHEMAS)[K]> };

/** A parsed message: its name and its payload, typed together. */
export type ParsedMessage = { [K in MessageName]: { name: K; value: ClientMessages[K] } }[MessageName];

export function isMessageName(name: unknown): name is MessageName {
  return typeof name === "string" && Object.prototype.hasOwnProperty.call(MESSAGE_SCHEMAS, name);
}

/** Parses a message; errors as values with a stable code and a reason a player can read. */
export function parseMessage(
  name: string,
  payload: unknown,
): ({ ok: true } & ParsedMessage) | ({ ok: false } & Refusal) {
  if (!isMessageName(name))
    return { ok: false, ...refusal("unknown_message", `Unknown message "${name.slice(0, 64)}".`) };
  const schema: z.ZodType = MESSAGE_SCHEMAS[name];
  const r = schema.safeParse(payload ?? {});
  if (r.success) return { ok: true, name, value: r.data } as { ok: true } & ParsedMessage;
  const issue = r.error.issues[0];
  const where = issue.path.length ? ` at ${issue.path.join(".")}` : "";
  return { ok: false, ...refusal("invalid", `Invalid ${name}${where}: ${issue.message}`) };
}
