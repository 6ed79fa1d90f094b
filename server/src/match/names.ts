// Seat labels: what a seat is called while a bot or a team holds it.
import { ROLE_DEFS, type Role } from "@metastrategy/shared";

export function botName(role: Role, i: number): string {
  return `${ROLE_DEFS[role].name} ${i + 1}`;
}
