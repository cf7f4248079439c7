/**
 * A bounded map from a slot (a participant's calendar under one protocol version) to the value built
 * from the slot's inputs, least recently used first out. A calendar is a pure function of the protocol
 * version, the participant's arm and start date, the doses recorded and what the dose-hold rules read
 * (labs, confirmed adverse events): those are the inputs, so an entry is reused only while they are
 * unchanged, and a write that changes one replaces the slot's entry. A slot holds one entry however
 * often its inputs move, so a long-running server's memory stays flat (keyed by the inputs alone, every
 * write added an entry that no read would ask for again: 100 MB a minute under bench:load).
 */
export class CalendarCache<V> {
  private readonly entries = new Map<string, { readonly inputs: string; readonly value: V }>();

  constructor(private readonly capacity: number) {}

  get size(): number {
    return this.entries.size;
  }

  /** The slot's value when it was built from these inputs, else built by `build` and kept in their place. */
  forInputs(slot: string, inputs: string, build: () => V): V {
    const hit = this.entries.get(slot);
    // Re-insert either way: a Map iterates in insertion order, so its first key is the least recently used.
    this.entries.delete(slot);
    const entry = hit !== undefined && hit.inputs === inputs ? hit : { inputs, value: build() };
    this.entries.set(slot, entry);
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as string);
    return entry.value;
  }

  /** The value for a key that is its own inputs, made by `build` when absent. */
  getOrBuild(key: string, build: () => V): V {
    return this.forInputs(key, '', build);
  }
}
