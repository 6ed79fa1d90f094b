// A tiny hyperscript for plain DOM view functions.
type Child = Node | string | number | null | undefined | false | Child[];
type Attrs = Record<string, unknown> & { on?: Record<string, (e: Event) => void> };

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs?: Attrs | null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  if (attrs) applyAttrs(el, attrs);
  append(el, children);
  return el;
}

const SVG_NS = "http://www.w3.org/2000/svg";

export function s(tag: string, attrs?: Record<string, unknown> | null, ...children: Child[]): SVGElement {
  const el = document.createElementNS(SVG_NS, tag);
  if (attrs) applyAttrs(el, attrs);
  append(el, children);
  return el;
}

function applyAttrs(el: Element, attrs: Attrs): void {
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === "on") {
      for (const [ev, fn] of Object.entries(v as Record<string, (e: Event) => void>)) el.addEventListener(ev, fn);
    } else if (k === "class") {
      el.setAttribute("class", String(v));
    } else if (k === "value" && "value" in el) {
      (el as HTMLInputElement).value = String(v);
    } else if (k === "checked" && "checked" in el) {
      (el as HTMLInputElement).checked = Boolean(v);
    } else if (k === "style" && typeof v === "object") {
      Object.assign((el as HTMLElement).style, v);
    } else if (v === true) {
      el.setAttribute(k, "");
    } else {
      el.setAttribute(k, String(v));
    }
  }
}

function append(el: Node, children: Child[]): void {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.appendChild(typeof c === "object" ? c : document.createTextNode(String(c)));
  }
}

export function clear(el: Element): void {
  while (el.firstChild) el.removeChild(el.firstChild);
}

/** Replace an element's children, keeping focus on an element with the same id when it survives. */
export function render(el: Element, ...children: Child[]): void {
  const active = document.activeElement as HTMLElement | null;
  const id = active && el.contains(active) ? active.id : "";
  // A field the user is typing in keeps what they typed: an update arriving mid-edit must not overwrite it.
  const editing =
    active instanceof HTMLTextAreaElement ||
    (active instanceof HTMLInputElement && !["checkbox", "radio", "button", "submit"].includes(active.type))
      ? (active as HTMLInputElement)
      : null;
  const typed = editing
    ? { value: editing.value, start: selection(editing, "start"), end: selection(editing, "end") }
    : null;
  clear(el);
  append(el, children);
  if (id) {
    const again = document.getElementById(id);
    if (again && again !== document.activeElement) again.focus();
    if (again && typed && (again instanceof HTMLInputElement || again instanceof HTMLTextAreaElement)) {
      const changed = again.value !== typed.value;
      again.value = typed.value;
      // Keep the caret or selection too: typing over a selected value must still replace it.
      if (typed.start !== null && typed.end !== null)
        try {
          again.setSelectionRange(typed.start, typed.end);
        } catch {
          /* some input types have no selection */
        }
      if (changed) {
        // A value set from code fires no change on blur: fire it, so the edit still counts when the user moves on.
        const field = again;
        field.addEventListener(
          "blur",
          () => {
            if (field.value === typed.value) field.dispatchEvent(new Event("change", { bubbles: true }));
          },
          { once: true },
        );
      }
    }
  }
}

function selection(el: HTMLInputElement | HTMLTextAreaElement, which: "start" | "end"): number | null {
  try {
    return which === "start" ? el.selectionStart : el.selectionEnd;
  } catch {
    return null;
  }
}

let uid = 0;
export function newId(prefix: string): string {
  return `${prefix}-${++uid}`;
}

/** A labelled whole-number field that applies its value on change. Text with a numeric keyboard rather than
 * type=number: its selection survives a re-render mid-edit (see render). */
export function numberField(
  id: string,
  label: string,
  value: number,
  min: number,
  max: number,
  apply: (n: number) => void,
): HTMLElement[] {
  return [
    h("label", { for: id }, label),
    h("input", {
      id,
      type: "text",
      pattern: "[0-9]*",
      value: String(value),
      inputmode: "numeric",
      on: {
        change: (e: Event) => {
          const n = Number((e.target as HTMLInputElement).value);
          if (Number.isInteger(n) && n >= min && n <= max) apply(n);
        },
      },
    }),
  ];
}

/** The optional world-seed field of the solo and class forms: empty means a fresh world. */
export function seedInput(id: string, helpId: string): HTMLInputElement {
  return h("input", {
    id,
    type: "number",
    min: "0",
    max: String(2 ** 31 - 1),
    placeholder: "random",
    inputmode: "numeric",
    "aria-describedby": helpId,
  });
}

/** `{ seed }` for the create options when the field holds a valid seed, else nothing (the server picks one). */
export function seedOf(el: HTMLInputElement): { seed?: number } {
  const n = el.value === "" ? NaN : Number(el.value);
  return Number.isInteger(n) && n >= 0 && n < 2 ** 31 ? { seed: n } : {};
}
