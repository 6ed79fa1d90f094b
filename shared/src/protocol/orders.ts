// zod schemas for orders: the shape only; legality in the current state is rules/legal.ts.
import { z } from "zod";
import { DOCTRINES, POLICIES } from "../rules/types.js";

const seatIndex = z.number().int().min(0).max(7);
const policy = z.enum(POLICIES);

export const ActionSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("capability"), publish: z.boolean().optional(), defy: z.boolean().optional() }).strict(),
  z.object({ kind: z.literal("alignment"), publish: z.boolean().optional() }).strict(),
  z.object({ kind: z.literal("validate") }).strict(),
  z.object({ kind: z.literal("minimalRiskTest") }).strict(),
  z.object({ kind: z.literal("security") }).strict(),
  z.object({ kind: z.literal("deploy") }).strict(),
  z.object({ kind: z.literal("lobby"), policy: policy.optional() }).strict(),
  z.object({ kind: z.literal("buildDefense") }).strict(),
  z.object({ kind: z.literal("enact"), policy }).strict(),
  z.object({ kind: z.literal("repeal"), policy }).strict(),
  z.object({ kind: z.literal("audit"), target: seatIndex }).strict(),
  z.object({ kind: z.literal("enforce") }).strict(),
  z.object({ kind: z.literal("campaign") }).strict(),
  z.object({ kind: z.literal("grant"), target: seatIndex, amount: z.number().int().min(1).max(100) }).strict(),
  z.object({ kind: z.literal("buildRegime") }).strict(),
  z.object({ kind: z.literal("theory"), mode: z.enum(["careful", "fast"]), publish: z.boolean().optional() }).strict(),
  z.object({ kind: z.literal("interpretability") }).strict(),
  z.object({ kind: z.literal("augmentation"), route: z.enum(["epigenetic", "direct"]) }).strict(),
  z.object({ kind: z.literal("consult"), target: seatIndex }).strict(),
  z.object({ kind: z.literal("publishTheory") }).strict(),
  z.object({ kind: z.literal("advise"), target: seatIndex }).strict(),
  z.object({ kind: z.literal("applyGrant") }).strict(),
]);

export const SeatOrdersSchema = z
  .object({
    actions: z.array(ActionSchema).max(3),
    switchDoctrine: z.enum(DOCTRINES).optional(),
    transfers: z
      .array(z.object({ to: seatIndex, amount: z.number().int().min(1).max(100) }).strict())
      .max(7)
      .optional(),
  })
  .strict();

export const RoundExtrasSchema = z
  .object({ inject: z.string().max(64).optional(), opinion: z.number().min(-1).max(1).optional() })
  .strict();
