// SVG line and bar charts with a data table beside each: shapes and dashes, never colour alone.
import type { Shape } from "../theme";
import { h, newId, s } from "./dom";
import { fmt } from "./format";

export interface Series {
  name: string;
  color: string;
  shape: Shape;
  dash?: string;
  values: (number | null)[];
}

export interface ChartSpec {
  title: string;
  caption?: string;
  xLabel: string;
  yLabel: string;
  x: number[];
  series: Series[];
  lines?: { y: number; label: string; color: string; dash?: string; width?: number }[];
  kind?: "line" | "bar";
}

const W = 560;
const H = 300;
// The right margin holds the labels of the reference lines, so they never sit on the data.
const M = { l: 44, r: 58, t: 16, b: 40 };

function marker(shape: Shape, x: number, y: number, color: string): SVGElement {
  const r = 4.5;
  const common = { fill: color, stroke: "#1b1f24", "stroke-width": 1 };
  switch (shape) {
    case "square":
      return s("rect", { x: x - r, y: y - r, width: 2 * r, height: 2 * r, ...common });
    case "triangle":
      return s("polygon", { points: `${x},${y - r - 1} ${x + r + 1},${y + r} ${x - r - 1},${y + r}`, ...common });
    case "diamond":
      return s("polygon", {
        points: `${x},${y - r - 1} ${x + r + 1},${y} ${x},${y + r + 1} ${x - r - 1},${y}`,
        ...common,
      });
    case "cross":
      return s("path", {
        d: `M${x - r},${y - r}L${x + r},${y + r}M${x - r},${y + r}L${x + r},${y - r}`,
        stroke: color,
        "stroke-width": 3,
      });
    default:
      return s("circle", { cx: x, cy: y, r, ...common });
  }
}

export function chart(spec: ChartSpec): HTMLElement {
  const id = newId("chart");
  const all = spec.series
    .flatMap((x) => x.values.filter((v): v is number => v !== null))
    .concat((spec.lines ?? []).map((l) => l.y));
  const yMax = Math.max(1, Math.ceil(Math.max(...all, 0) * 1.1));
  const xs = spec.x;
  const n = Math.max(1, xs.length);
  const px = (i: number) =>
    M.l +
    ((W - M.l - M.r) * (spec.kind === "bar" ? i + 0.5 : n === 1 ? 0.5 : i / (n - 1))) / (spec.kind === "bar" ? n : 1);
  const py = (v: number) => H - M.b - ((H - M.t - M.b) * v) / yMax;
  const svg = s(
    "svg",
    {
      viewBox: `0 0 ${W} ${H}`,
      role: "img",
      "aria-labelledby": `${id}-t`,
      class: "chart-svg",
      preserveAspectRatio: "xMidYMid meet",
    },
    s("title", { id: `${id}-t` }, `${spec.title}. The table beside it lists every value.`),
  );
  const step = yMax > 20 ? 5 : yMax > 10 ? 2 : 1;
  for (let v = 0; v <= yMax; v += step) {
    svg.append(
      s("line", { x1: M.l, x2: W - M.r, y1: py(v), y2: py(v), stroke: "#e5e1d6" }),
      s("text", { x: M.l - 6, y: py(v) + 4, "text-anchor": "end", "font-size": 12, fill: "#374151" }, String(v)),
    );
  }
  xs.forEach((x, i) =>
    svg.append(
      s("text", { x: px(i), y: H - M.b + 16, "text-anchor": "middle", "font-size": 12, fill: "#374151" }, String(x)),
    ),
  );
  svg.append(
    s("text", { x: (W + M.l) / 2, y: H - 6, "text-anchor": "middle", "font-size": 12, fill: "#374151" }, spec.xLabel),
  );
  svg.append(
    s(
      "text",
      {
        x: 12,
        y: M.t + (H - M.t - M.b) / 2,
        "text-anchor": "middle",
        "font-size": 12,
        fill: "#374151",
        transform: `rotate(-90 12 ${M.t + (H - M.t - M.b) / 2})`,
      },
      spec.yLabel,
    ),
  );
  for (const l of spec.lines ?? []) {
    svg.append(
      s("line", {
        x1: M.l,
        x2: W - M.r,
        y1: py(l.y),
        y2: py(l.y),
        stroke: l.color,
        "stroke-width": l.width ?? 2,
        "stroke-dasharray": l.dash ?? "",
        "stroke-linecap": "round",
      }),
      s(
        "text",
        {
          x: W - M.r + 6,
          y: py(l.y) + 4,
          "text-anchor": "start",
          "font-size": 12,
          fill: "#1b1f24",
          "font-weight": "bold",
        },
        l.label,
      ),
    );
  }
  if (spec.kind === "bar") {
    const groupW = (W - M.l - M.r) / n;
    const bw = Math.max(4, (groupW * 0.7) / spec.series.length);
    spec.series.forEach((ser, k) =>
      ser.values.forEach((v, i) => {
        if (v === null) return;
        const x = M.l + groupW * i + groupW * 0.15 + bw * k;
        svg.append(
          s("rect", {
            x,
            y: py(v),
            width: bw,
            height: Math.max(0, py(0) - py(v)),
            fill: ser.color,
            stroke: "#1b1f24",
            "stroke-width": 1,
          }),
        );
      }),
    );
  } else {
    for (const ser of spec.series) {
      const pts = ser.values
        .map((v, i) => (v === null ? null : ([px(i), py(v)] as const)))
        .filter((p): p is readonly [number, number] => p !== null);
      if (pts.length > 1)
        svg.append(
          s("polyline", {
            points: pts.map((p) => p.join(",")).join(" "),
            fill: "none",
            stroke: ser.color,
            "stroke-width": 2.5,
            "stroke-dasharray": ser.dash ?? "",
          }),
        );
      for (const p of pts) svg.append(marker(ser.shape, p[0], p[1], ser.color));
    }
  }
  const legend = h(
    "ul",
    { class: "legend" },
    (spec.lines ?? []).map((l) =>
      h(
        "li",
        null,
        (() =>
          s(
            "svg",
            { width: 30, height: 14, viewBox: "0 0 30 14", "aria-hidden": "true" },
            s("line", {
              x1: 2,
              x2: 28,
              y1: 7,
              y2: 7,
              stroke: l.color,
              "stroke-width": l.width ?? 2,
              "stroke-dasharray": l.dash ?? "",
              "stroke-linecap": "round",
            }),
          ) as unknown as HTMLElement)(),
        ` ${l.label} line (${fmt(l.y)})`,
      ),
    ),
    spec.series.map((ser) =>
      h(
        "li",
        null,
        (() => {
          const m = s(
            "svg",
            { width: 30, height: 14, viewBox: "0 0 30 14", "aria-hidden": "true" },
            s("line", {
              x1: 0,
              x2: 30,
              y1: 7,
              y2: 7,
              stroke: ser.color,
              "stroke-width": 2.5,
              "stroke-dasharray": ser.dash ?? "",
            }),
            marker(ser.shape, 15, 7, ser.color),
          );
          return m as unknown as HTMLElement;
        })(),
        " ",
        ser.name,
      ),
    ),
  );
  const table = h(
    "table",
    { class: "data" },
    h("caption", null, spec.title),
    h(
      "thead",
      null,
      h(
        "tr",
        null,
        h("th", { scope: "col" }, spec.xLabel),
        spec.series.map((ser) => h("th", { scope: "col" }, ser.name)),
      ),
    ),
    h(
      "tbody",
      null,
      xs.map((x, i) =>
        h(
          "tr",
          null,
          h("th", { scope: "row" }, String(x)),
          spec.series.map((ser) => h("td", null, ser.values[i] === null ? "—" : fmt(ser.values[i]!))),
        ),
      ),
    ),
  );
  return h(
    "figure",
    { class: "chart" },
    h(
      "figcaption",
      null,
      h("strong", null, spec.title),
      spec.caption ? h("span", { class: "muted small" }, ` — ${spec.caption}`) : null,
    ),
    h(
      "div",
      { class: "chart-body" },
      h("div", { class: "chart-pic" }, svg, legend),
      // The numbers under the picture, folded: beside it they were squeezed and cut on a laptop.
      h(
        "details",
        { class: "chart-numbers" },
        h("summary", null, "The numbers"),
        h(
          "div",
          { class: "chart-table", tabindex: "0", role: "region", "aria-label": `${spec.title}: data table` },
          table,
        ),
      ),
    ),
  );
}
