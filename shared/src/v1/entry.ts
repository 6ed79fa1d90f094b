// The frozen rules 1.0.0 engine's entry points, for the replay dispatcher in rules/resolve.ts.
export { createMatch, resolveRound } from "./rules/resolve.js";
export type { MatchSetup as MatchSetupV1, MatchState as MatchStateV1, SeatOrders } from "./rules/types.js";
import type { SeatOrders } from "./rules/types.js";
export type OrdersV1 = readonly (SeatOrders | null | undefined)[];
