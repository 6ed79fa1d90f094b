// One client message into the match: parsed, checked against the mode and host rights, run; a refusal goes back to
// its sender as `error` with its stable code. The room calls this for every message that passed its gate.
import { parseMessage, refusal, type Refusal } from "@metastrategy/shared";
import { COMMANDS } from "./commands.js";
import type { Match } from "./match.js";
import type { Member } from "./session.js";

type AnyCommand = (match: Match, m: Member, p: unknown) => Refusal | void | Promise<Refusal | void>;

export async function handleMessage(match: Match, id: string, name: string, payload: unknown): Promise<void> {
  const m = match.session.get(id);
  if (!m) return;
  const parsed = parseMessage(name, payload);
  if (!parsed.ok) return match.refuse(m, name, parsed);
  const refused = match.mode.refuses(parsed.name);
  if (refused) return match.refuse(m, name, refused);
  if (parsed.name.startsWith("host:") && !m.host) return match.refuse(m, name, refusal("not_host"));
  const command = COMMANDS[parsed.name] as AnyCommand | undefined;
  try {
    const r =
      match.mode.handles(parsed.name) || !command
        ? await match.mode.handle(m, parsed)
        : await command(match, m, parsed.value);
    if (r) match.refuse(m, name, r);
  } catch (e) {
    match.deps.log.error(
      { event: "room.error", code: match.code, message: name, err: e instanceof Error ? e.message : String(e) },
      "handler failed",
    );
    match.refuse(m, name, refusal("internal"));
  }
}
