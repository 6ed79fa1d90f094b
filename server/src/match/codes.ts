// Join codes and secret tokens.
import { randomBytes, randomInt } from "node:crypto";
import { JOIN_CODE_ALPHABET } from "@metastrategy/shared";

export const CODE_LENGTH = 6;

export function newCode(): string {
  let s = "";
  for (let i = 0; i < CODE_LENGTH; i++) s += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  return s;
}

export function isCode(s: string): boolean {
  if (s.length !== CODE_LENGTH) return false;
  for (const ch of s) if (!JOIN_CODE_ALPHABET.includes(ch)) return false;
  return true;
}

export function newToken(): string {
  return randomBytes(18).toString("base64url");
}

export function randomSeed(): number {
  return randomInt(0, 2 ** 31 - 1);
}
