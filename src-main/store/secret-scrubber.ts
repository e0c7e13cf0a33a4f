/**
 * Replaces every known secret value in stored text. The vendor clients already redact the fields
 * they know; this is the second lock: whatever secret passed through the task service this run is
 * never written to SQLite, whichever field it hid in.
 */
export class SecretScrubber {
  private readonly values = new Set<string>();

  /** Remembers values to scrub (memory only). Short values are ignored: they cannot be told from data. */
  remember(values: Iterable<string | null | undefined>): void {
    for (const v of values) {
      if (typeof v !== 'string' || v.length < 6) continue;
      this.values.add(v);
      const escaped = JSON.stringify(v).slice(1, -1);
      if (escaped !== v) this.values.add(escaped);
    }
  }

  /** `text` with every remembered secret as `***`. */
  scrub(text: string): string {
    let out = text;
    for (const v of this.values) if (out.includes(v)) out = out.split(v).join('***');
    return out;
  }

  /** JSON text of `value`, scrubbed. */
  json(value: unknown): string {
    return this.scrub(JSON.stringify(value ?? null));
  }
}
