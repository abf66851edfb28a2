// Which changes could have caused an incident: those shipped on its services in the 48 hours
// before its impact started, found by binary search in the per-service lists of the index.
import type { ChangeIndex } from "./demo-changes";
import { HOUR, type Rng } from "./demo-random";

const LINK_WINDOW = 48 * HOUR;

/** Finds the changes shipped on an incident's services in the 48 hours before it started. */
export class SuspectFinder {
  private readonly found = new Int32Array(8192);
  private readonly weights = new Float64Array(8192);
  private size = 0;

  constructor(private readonly changes: ChangeIndex) {}

  /** On the given services, or on any service when none are given. */
  collect(serviceSet: number[] | null, t: number): boolean {
    this.size = 0;
    const { shippedAt, rolledBackAt, risk } = this.changes;
    const lists = serviceSet ? serviceSet.map((s) => this.changes.byService[s]) : [this.changes.shipped];
    for (const list of lists) {
      const hi = lowerBound(list, shippedAt, t);
      const lo = Math.max(
        lowerBound(list, shippedAt, t - LINK_WINDOW),
        hi - Math.floor(this.found.length / lists.length),
      );
      for (let k = lo; k < hi; k++) {
        const c = list[k];
        if (rolledBackAt[c] <= t) continue; // already rolled back before the impact started
        this.found[this.size] = c;
        // Risky changes (AI-assisted, agent-authored, unapproved …) and recent ones are likelier culprits.
        this.weights[this.size] = risk[c] * Math.exp(-(t - shippedAt[c]) / (14 * HOUR));
        this.size++;
      }
    }
    return this.size > 0;
  }

  pickWeighted(rng: Rng): number {
    let total = 0;
    for (let k = 0; k < this.size; k++) total += this.weights[k];
    let r = rng.next() * total;
    for (let k = 0; k < this.size; k++) {
      r -= this.weights[k];
      if (r < 0) return this.found[k];
    }
    return this.found[this.size - 1];
  }

  pickOther(rng: Rng, not: number): number {
    if (this.size < 2) return -1;
    const c = this.found[rng.int(0, this.size - 1)];
    return c === not ? -1 : c;
  }
}

function lowerBound(list: Int32Array, times: Float64Array, t: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (times[list[mid]] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
