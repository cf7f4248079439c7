/**
 * A bounded map from a calendar's inputs to the calendar built from them, least recently used first
 * out, so a long-running server's memory stays flat. A calendar is a pure function of the protocol
 * version, the participant's arm and start date, the doses recorded and what the dose-hold rules read
 * (labs, confirmed adverse events): the key is exactly those, so any write that changes one of them
 * is a new key and no entry is ever stale.
 */
export class CalendarCache<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly capacity: number) {}

  get size(): number {
    return this.entries.size;
  }

  /** The value for the key, made by `build` when absent. */
  getOrBuild(key: string, build: () => V): V {
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      // Re-insert: a Map iterates in insertion order, so its first key is the least recently used.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit;
    }
    const value = build();
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    return value;
  }
}
