import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { BufferedWriter } from './io.ts';

describe('BufferedWriter', () => {
  it('batches small writes and flushes in order', async () => {
    const chunks: string[] = [];
    const w = new BufferedWriter({ write: (s: string) => chunks.push(s) > 0 }, 10);
    expect(w.write('abc')).toBeUndefined();
    await w.write('defghijk');
    void w.write('z');
    await w.flush();
    expect(chunks).toEqual(['abcdefghijk', 'z']);
  });

  it("waits for 'drain' when the stream asks for it", async () => {
    const stream = Object.assign(new EventEmitter(), { written: '', write: (s: string) => ((stream.written += s), false) });
    const w = new BufferedWriter(stream, 4);
    let drained = false;
    const pending = w.write('12345');
    expect(pending).toBeInstanceOf(Promise);
    void pending?.then(() => {
      drained = true;
    });
    await Promise.resolve();
    expect(drained).toBe(false);
    stream.emit('drain');
    await pending;
    expect(drained).toBe(true);
    expect(stream.written).toBe('12345');
  });
});
