// Runs in every test file: its own afterAll hooks (servers closed) run first, then this one.
import { afterAll } from "vitest";
import { removeTempDirs } from "./temp.js";

afterAll(removeTempDirs);
