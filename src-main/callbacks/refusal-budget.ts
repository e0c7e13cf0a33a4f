/** How many refusals a source may cause: a burst, refilled at a steady rate. */
export interface RefusalBudgetOptions {
  burst: number;
  perSecond: number;
  now: () => number;
  /** Sources remembered at once; the least recently refused are forgotten first. */
  maxSources?: number;
}

/**
 * Refusals per source, as a token bucket: a source that keeps sending what the receiver refuses
 * (forged signatures, unknown tasks, a browser page) is answered 429 without its body being read,
 * until its budget refills. Accepted callbacks cost nothing, so a vendor's burst of real callbacks
 * (hundreds of tasks ending at once) is never throttled by its own volume.
 */
export class RefusalBudget {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly options: RefusalBudgetOptions) {}

  /** Whether `source` may still be heard (its budget is not spent). */
  allows(source: string): boolean {
    return this.level(source) >= 1;
  }

  /** Spends one refusal of `source`'s budget. */
  spend(source: string): void {
    const tokens = this.level(source) - 1;
    this.buckets.delete(source);
    this.buckets.set(source, { tokens, at: this.options.now() });
    const max = this.options.maxSources ?? 10_000;
    while (this.buckets.size > max) {
      const oldest = this.buckets.keys().next();
      if (oldest.done) break;
      this.buckets.delete(oldest.value);
    }
  }

  private level(source: string): number {
    const b = this.buckets.get(source);
    if (!b) return this.options.burst;
    const refill = ((this.options.now() - b.at) / 1000) * this.options.perSecond;
    return Math.min(this.options.burst, b.tokens + refill);
  }
}
