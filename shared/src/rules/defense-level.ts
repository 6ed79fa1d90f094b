/** Capability a lab needs before it can build an AI defense system: three steps short of TAI (the danger line). */
export const DEFENSE_MARGIN = 3;

export function defenseLevel(tai: number): number {
  return tai - DEFENSE_MARGIN;
}
