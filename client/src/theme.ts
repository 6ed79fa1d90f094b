// Colour-blind-safe palette (Okabe–Ito) with a shape and a dash per series, shared by board, charts and UI.
export const COLORS = {
  orange: "#E69F00",
  sky: "#56B4E9",
  green: "#009E73",
  yellow: "#F0E442",
  blue: "#0072B2",
  vermillion: "#D55E00",
  purple: "#CC79A7",
  ink: "#1b1f24",
  grey: "#6b7280",
} as const;

export type Shape = "circle" | "square" | "triangle" | "diamond" | "cross";

export interface SeriesStyle {
  color: string;
  shape: Shape;
  dash: string;
  /** A one-word name of the mark for text (the colour is never the only cue). */
  mark: string;
}

/** Styles for labs by their order among labs (up to 4). */
export const LAB_STYLES: SeriesStyle[] = [
  { color: COLORS.blue, shape: "circle", dash: "", mark: "●" },
  { color: COLORS.orange, shape: "square", dash: "6 3", mark: "■" },
  { color: COLORS.green, shape: "triangle", dash: "2 3", mark: "▲" },
  { color: COLORS.purple, shape: "diamond", dash: "8 3 2 3", mark: "◆" },
];

export const ROGUE_STYLE: SeriesStyle = { color: COLORS.vermillion, shape: "cross", dash: "", mark: "✖" };
export const WILL_STYLE: SeriesStyle = { color: COLORS.sky, shape: "circle", dash: "", mark: "●" };
export const LEAK_STYLE: SeriesStyle = { color: COLORS.yellow, shape: "square", dash: "", mark: "■" };

export const DANGER_COLOR = COLORS.orange;
export const TAI_COLOR = COLORS.vermillion;
export const ALIGNED_COLOR = COLORS.green;

export function hexToNumber(hex: string): number {
  return parseInt(hex.slice(1), 16);
}
