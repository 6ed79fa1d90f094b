// The facilitator guide (docs/FACILITATOR.md) rendered in the app from its Markdown: headings, lists, tables, emphasis.
import text from "../../../docs/FACILITATOR.md?raw";
import { h } from "../ui/dom";
import type { Screen } from "../ui/screen";

function inline(s: string): (Node | string)[] {
  const out: (Node | string)[] = [];
  const re = /\*\*([^*]+)\*\*|\*([^*]+)\*|`([^`]+)`|\[([^\]]+)\]\(([^)]+)\)/g;
  let last = 0;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    if (m.index > last) out.push(s.slice(last, m.index));
    if (m[1]) out.push(h("strong", null, m[1]));
    else if (m[2]) out.push(h("em", null, m[2]));
    else if (m[3]) out.push(h("code", null, m[3]));
    else out.push(h("a", { href: m[5] }, m[4]));
    last = m.index + m[0].length;
  }
  if (last < s.length) out.push(s.slice(last));
  return out;
}

/** A small Markdown subset to DOM. */
export function markdown(md: string): HTMLElement[] {
  const lines = md.split("\n");
  const out: HTMLElement[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (!line.trim()) {
      i++;
      continue;
    }
    const head = /^(#{1,4})\s+(.*)$/.exec(line);
    if (head) {
      const tag = (["h1", "h2", "h3", "h4"] as const)[head[1].length - 1];
      out.push(h(tag, null, inline(head[2])));
      i++;
      continue;
    }
    if (/^\s*([-*]|\d+\.)\s+/.test(line)) {
      const ordered = /^\s*\d+\./.test(line);
      const items: HTMLElement[] = [];
      while (i < lines.length && /^\s*([-*]|\d+\.)\s+/.test(lines[i])) {
        let item = lines[i].replace(/^\s*([-*]|\d+\.)\s+/, "");
        i++;
        while (i < lines.length && /^\s{2,}\S/.test(lines[i]) && !/^\s*([-*]|\d+\.)\s+/.test(lines[i]))
          item += " " + lines[i++].trim();
        items.push(h("li", null, inline(item)));
      }
      out.push(ordered ? h("ol", null, items) : h("ul", null, items));
      continue;
    }
    if (line.startsWith("|")) {
      const rows: string[][] = [];
      while (i < lines.length && lines[i].startsWith("|")) {
        if (!/^\|[\s:|-]+\|$/.test(lines[i].trim()))
          rows.push(
            lines[i]
              .trim()
              .replace(/^\||\|$/g, "")
              .split("|")
              .map((c) => c.trim()),
          );
        i++;
      }
      const [head0, ...body] = rows;
      out.push(
        h(
          "div",
          { class: "table-wrap", tabindex: "0", role: "region", "aria-label": "Table (scrolls sideways)" },
          h(
            "table",
            { class: "data" },
            h(
              "thead",
              null,
              h(
                "tr",
                null,
                head0.map((c) => h("th", { scope: "col" }, inline(c))),
              ),
            ),
            h(
              "tbody",
              null,
              body.map((r) =>
                h(
                  "tr",
                  null,
                  r.map((c) => h("td", null, inline(c))),
                ),
              ),
            ),
          ),
        ),
      );
      continue;
    }
    const para: string[] = [];
    while (i < lines.length && lines[i].trim() && !/^(#|\||\s*([-*]|\d+\.)\s)/.test(lines[i]))
      para.push(lines[i++].trim());
    out.push(h("p", null, inline(para.join(" "))));
  }
  return out;
}

export function guideScreen(): Screen {
  const root = h(
    "main",
    { id: "main", class: "facilitator howto", tabindex: "-1" },
    h(
      "p",
      null,
      h("a", { class: "btn ghost", href: "#" }, "← Back"),
      " ",
      h("a", { class: "btn", href: "#class" }, "Host a class"),
    ),
    markdown(text),
  );
  return { el: root, destroy() {} };
}
