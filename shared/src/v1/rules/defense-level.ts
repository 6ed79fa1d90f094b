/** Capability a lab needs before it can build an AI defense system: two steps short of TAI. */
export const DEFENSE_MARGIN = 2;

export function defenseLevel(tai: number): number {
  return tai - DEFENSE_MARGIN;
}
