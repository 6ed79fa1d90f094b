// The mode of a match, chosen once at creation from its settings.
import { DEFAULT_TEAM_SIZE, type CreateOptions } from "@metastrategy/shared";
import type { Match } from "../match/match.js";
import type { Mode } from "../match/mode.js";
import { ClassroomMode } from "./classroom/mode.js";
import { freshClassroom } from "./classroom/data.js";
import { OnlineMode } from "./online.js";

export function modeFor(match: Match, created?: CreateOptions): Mode {
  if (match.meta.settings.mode !== "classroom") return new OnlineMode(match);
  match.meta.classroom ??= freshClassroom(created?.teamSize ?? DEFAULT_TEAM_SIZE);
  return new ClassroomMode(match);
}
