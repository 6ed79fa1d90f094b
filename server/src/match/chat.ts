// Chat hygiene: plain text only, and a per-client rate limit.
import { MAX_CHAT, MAX_STUDENT_NAME } from "@metastrategy/shared";

export const CHAT_BURST = 5;
export const CHAT_WINDOW_MS = 10_000;
export const CHAT_BACKLOG = 50;

/** Strips markup and control characters; null when nothing readable is left. */
export function cleanChat(text: string): string | null {
  const t = text
    .replace(/<[^>]*>/g, "")
    .replace(/[<>]/g, "")
    .replace(/[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, MAX_CHAT);
  return t.length ? t : null;
}

/** Sliding window: at most CHAT_BURST lines per CHAT_WINDOW_MS. */
export class RateLimit {
  private times: number[] = [];
  constructor(
    private burst = CHAT_BURST,
    private windowMs = CHAT_WINDOW_MS,
  ) {}
  take(now = Date.now()): boolean {
    while (this.times.length && now - this.times[0] >= this.windowMs) this.times.shift();
    if (this.times.length >= this.burst) return false;
    this.times.push(now);
    return true;
  }
}

/** Longest match name (the create options allow 40 characters). */
export const MAX_MATCH_NAME = 40;

/** A name shown to others, cleaned like chat and cut to `max` characters; null when nothing is left. */
export function cleanName(name: unknown, max = MAX_STUDENT_NAME): string | null {
  if (typeof name !== "string") return null;
  const t = cleanChat(name)?.slice(0, max).trim();
  return t ? t : null;
}
