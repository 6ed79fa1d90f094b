// Prometheus text metrics without a dependency: a few counters and one histogram.
const BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1];

export class Metrics {
  roundsResolved = 0;
  matchesStarted = 0;
  matchesFinished = 0;
  /** Failures caught inside a room (handler throws, timer throws): the room answered or was rebuilt. */
  roomErrors = 0;
  /** Rooms rebuilt from their record after a failure. */
  roomsRebuilt = 0;
  /** Exceptions and rejections that reached the process-level handler. */
  processErrors = 0;
  private counts = BUCKETS.map(() => 0);
  private sum = 0;
  private count = 0;

  /** Server side of a round's turnaround: its last orders in → results and reports out (ms), since the last reset. */
  private turnaround: number[] = [];

  observeTurnaround(ms: number): void {
    if (this.turnaround.length < 200_000) this.turnaround.push(ms);
  }

  turnaroundMs(reset = false): { p50: number; p99: number; max: number; count: number } {
    const t = this.turnaround.slice().sort((a, b) => a - b);
    if (reset) this.turnaround = [];
    const at = (q: number) =>
      t.length ? Math.round(t[Math.min(t.length - 1, Math.ceil(q * t.length) - 1)] * 10) / 10 : 0;
    return { p50: at(0.5), p99: at(0.99), max: at(1), count: t.length };
  }

  observeResolution(seconds: number): void {
    this.roundsResolved++;
    this.sum += seconds;
    this.count++;
    for (let i = 0; i < BUCKETS.length; i++) if (seconds <= BUCKETS[i]) this.counts[i]++;
  }

  render(g: { rooms: number; clients: number }): string {
    const metric = (name: string, type: "gauge" | "counter", help: string, value: number) => [
      `# HELP ${name} ${help}`,
      `# TYPE ${name} ${type}`,
      `${name} ${value}`,
    ];
    const lines = [
      ...metric("metastrategy_rooms", "gauge", "Match rooms open in this process.", g.rooms),
      ...metric("metastrategy_clients", "gauge", "Clients connected to match rooms.", g.clients),
      ...metric("metastrategy_rounds_resolved_total", "counter", "Rounds resolved since start.", this.roundsResolved),
      ...metric("metastrategy_matches_started_total", "counter", "Matches started since start.", this.matchesStarted),
      ...metric("metastrategy_matches_finished_total", "counter", "Matches ended since start.", this.matchesFinished),
      ...metric("metastrategy_room_errors_total", "counter", "Failures caught inside a room.", this.roomErrors),
      ...metric(
        "metastrategy_rooms_rebuilt_total",
        "counter",
        "Rooms rebuilt from their record after a failure.",
        this.roomsRebuilt,
      ),
      ...metric(
        "metastrategy_process_errors_total",
        "counter",
        "Errors that reached the process-level handler.",
        this.processErrors,
      ),
      "# HELP metastrategy_resolution_seconds Time to resolve one round (engine only).",
      "# TYPE metastrategy_resolution_seconds histogram",
    ];
    for (let i = 0; i < BUCKETS.length; i++)
      lines.push(`metastrategy_resolution_seconds_bucket{le="${BUCKETS[i]}"} ${this.counts[i]}`);
    lines.push(`metastrategy_resolution_seconds_bucket{le="+Inf"} ${this.count}`);
    lines.push(`metastrategy_resolution_seconds_sum ${this.sum}`);
    lines.push(`metastrategy_resolution_seconds_count ${this.count}`);
    return lines.join("\n") + "\n";
  }
}
