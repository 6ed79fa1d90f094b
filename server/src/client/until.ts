// Polls a condition until it holds or `ms` pass (the load generator and the soak run wait on many clients at once).
export function until(test: () => boolean, ms: number, what: string, everyMs = 20): Promise<void> {
  return new Promise((resolve, reject) => {
    const t0 = Date.now();
    const check = () => {
      if (test()) return resolve();
      if (Date.now() - t0 > ms) return reject(new Error(`timed out: ${what}`));
      setTimeout(check, everyMs);
    };
    check();
  });
}
