// Public opinion (a class's poll) → political will: the one threshold, used by the engine and shown by the classroom.

/** Political will moves by +1 when the mean answer is at least +0.5, by −1 at −0.5 or below, else not. */
export function opinionWillEffect(opinion: number | null | undefined): -1 | 0 | 1 {
  if (opinion === null || opinion === undefined) return 0;
  return opinion >= 0.5 ? 1 : opinion <= -0.5 ? -1 : 0;
}
