// A concept named in a report or on a card, opening its one-line explanation from the glossary.
import { GLOSSARY } from "@metastrategy/shared";
import { h } from "./dom";

export function conceptTerm(id: string): string {
  return (GLOSSARY as Record<string, { term: string }>)[id]?.term ?? id;
}

export function conceptLine(id: string): string {
  return (GLOSSARY as Record<string, { line: string }>)[id]?.line ?? "";
}

/** An inline disclosure: the term, and on activation the line that explains it. */
export function conceptLink(id: string): HTMLElement {
  const line = conceptLine(id);
  if (!line) return h("span", null);
  return h(
    "details",
    { class: "concept" },
    h("summary", { "aria-label": `What is “${conceptTerm(id)}”?` }, conceptTerm(id)),
    h("span", { class: "concept-line" }, line, " ", h("a", { href: `#howto/${id}` }, "More")),
  );
}
