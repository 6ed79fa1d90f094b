// What this tab remembers of its match across a reload (sessionStorage): code, tokens, name.
export interface SavedSession {
  code: string;
  reconnectionToken: string;
  seatToken: string | null;
  hostToken: string | null;
  name: string;
}

const KEY = "metastrategy.session";

export function loadSession(): SavedSession | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    return raw ? (JSON.parse(raw) as SavedSession) : null;
  } catch {
    return null;
  }
}

export function saveSession(patch: Partial<SavedSession> & { code: string }): void {
  const prev = loadSession();
  const base: SavedSession =
    prev && prev.code === patch.code
      ? prev
      : { code: patch.code, reconnectionToken: "", seatToken: null, hostToken: null, name: "Player" };
  sessionStorage.setItem(KEY, JSON.stringify({ ...base, ...patch }));
}

export function clearSession(): void {
  sessionStorage.removeItem(KEY);
}

/** Matches this browser played, for replays (localStorage: survives the tab). */
const PLAYED = "metastrategy.played";

export interface PlayedMatch {
  code: string;
  name: string;
  scenario: string;
  ending: string | null;
  endedAt: number;
  /** This browser's seat's score (null: watched, or no score because the host stopped the match). */
  score?: number | null;
}

export function playedMatches(): PlayedMatch[] {
  try {
    return JSON.parse(localStorage.getItem(PLAYED) ?? "[]") as PlayedMatch[];
  } catch {
    return [];
  }
}

export function rememberPlayed(m: PlayedMatch): void {
  const list = playedMatches().filter((x) => x.code !== m.code);
  list.unshift(m);
  localStorage.setItem(PLAYED, JSON.stringify(list.slice(0, 20)));
}
