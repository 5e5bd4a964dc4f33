/** Runs one async step per item with limited concurrency, reporting progress and per-item results. */
export interface BulkResult {
  id: string;
  label: string;
  ok: boolean;
  message?: string;
}

export async function runBulk<T>(
  items: readonly T[],
  describe: (item: T) => { id: string; label: string },
  step: (item: T) => Promise<unknown>,
  onProgress: (done: number, results: BulkResult[]) => void,
  concurrency = 3,
): Promise<BulkResult[]> {
  const results: BulkResult[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++] as T;
      const { id, label } = describe(item);
      try {
        await step(item);
        results.push({ id, label, ok: true });
      } catch (e) {
        results.push({ id, label, ok: false, message: e instanceof Error ? e.message : String(e) });
      }
      onProgress(results.length, [...results]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  const order = new Map(items.map((it, i) => [describe(it).id, i]));
  return results.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
}
