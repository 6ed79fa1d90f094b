// Entry of the lazily loaded classroom screens.
import "./classroom.css";
import type { Net } from "../net/types";
import type { Screen } from "../ui/screen";
import { guideScreen } from "./guide";
import { newClassScreen } from "./host";
import { projectorScreen } from "./projector";
import { studentScreen } from "./student";
import { teacherScreen } from "./teacher";

export function classroomScreen(kind: string, net: Net): Screen {
  switch (kind) {
    case "teacher":
      return teacherScreen(net);
    case "student":
      return studentScreen(net);
    case "projector":
      return projectorScreen(net);
    case "guide":
      return guideScreen();
    default:
      return newClassScreen(net);
  }
}
