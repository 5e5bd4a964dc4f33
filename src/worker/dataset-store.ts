/** Prepared data sets by revision, least recently used dropped first. */
import type { PreparedDataset } from '../engine/index.ts';

export class UnknownRevisionError extends Error {
  override readonly name = 'UnknownRevisionError';
  constructor(readonly revision: string) {
    super(`data set revision '${revision}' is not loaded`);
  }
}

export class DatasetStore {
  private readonly map = new Map<string, PreparedDataset>();

  constructor(private readonly max: number) {}

  set(revision: string, data: PreparedDataset): void {
    this.map.delete(revision);
    this.map.set(revision, data);
    while (this.map.size > this.max) {
      const oldest = this.map.keys().next().value;
      if (oldest === undefined) break;
      this.map.delete(oldest);
    }
  }

  get(revision: string): PreparedDataset {
    const d = this.map.get(revision);
    if (d === undefined) throw new UnknownRevisionError(revision);
    this.map.delete(revision);
    this.map.set(revision, d);
    return d;
  }

  delete(revision: string): boolean {
    return this.map.delete(revision);
  }

  get revisions(): string[] {
    return [...this.map.keys()];
  }
}
