// Chat: table talk and deals during deliberation.
import type { ChatLine } from "@metastrategy/shared";
import { MAX_CHAT } from "@metastrategy/shared";
import type { Net } from "../net/types";
import { getState, subscribe } from "../store";
import { h, render } from "./dom";
import type { Screen } from "./screen";

export function chatPanel(net: Net): Screen {
  const log = h("ol", { class: "chat-log", "aria-label": "Messages", tabindex: "0" });
  const input = h("input", {
    id: "chat-input",
    type: "text",
    maxlength: String(MAX_CHAT),
    autocomplete: "off",
    placeholder: "Say something…",
  });
  const el = h(
    "section",
    { class: "panel chat", "aria-labelledby": "chat-h" },
    h("h2", { id: "chat-h" }, "Chat"),
    log,
    h(
      "form",
      {
        class: "row",
        on: {
          submit: (e: Event) => {
            e.preventDefault();
            const t = input.value.trim();
            if (!t) return;
            net.chat(t);
            input.value = "";
          },
        },
      },
      h("label", { for: "chat-input", class: "sr-only" }, "Message"),
      input,
      h("button", { type: "submit", class: "btn" }, "Send"),
    ),
  );
  let count = -1;
  function draw(lines: ChatLine[]): void {
    if (lines.length === count) return;
    count = lines.length;
    render(
      log,
      lines.length === 0
        ? h("li", { class: "muted" }, "No messages yet.")
        : lines.slice(-80).map((l) => h("li", null, h("strong", null, l.from, ": "), l.text)),
    );
    log.scrollTop = log.scrollHeight;
  }
  const unsub = subscribe((st) => draw(st.snap?.chat ?? []));
  draw(getState().snap?.chat ?? []);
  return { el, destroy: unsub };
}
