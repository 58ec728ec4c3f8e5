import { describe, expect, it } from 'vitest';
import { pollJob } from './jobs';

type Job = { state: 'running' | 'done'; n: number };

describe('polling an import job', () => {
  it('reports every look and returns the first that is no longer running', async () => {
    const answers: Job[] = [{ state: 'running', n: 1 }, { state: 'running', n: 2 }, { state: 'done', n: 3 }];
    const seen: number[] = [];
    const done = await pollJob(async () => answers.shift()!, (j) => seen.push(j.n), new AbortController().signal);
    expect(done).toEqual({ state: 'done', n: 3 });
    expect(seen).toEqual([1, 2, 3]);
  });

  it('asks again after a look that timed out, and stops at an error of another kind', async () => {
    let looks = 0;
    const timedOutOnce = async (): Promise<Job> => {
      looks++;
      if (looks === 1) throw new DOMException('slow', 'TimeoutError');
      return { state: 'done', n: looks };
    };
    expect(await pollJob(timedOutOnce, () => undefined, new AbortController().signal)).toEqual({ state: 'done', n: 2 });
    const refused = async (): Promise<Job> => {
      throw new Error('403 Forbidden');
    };
    await expect(pollJob(refused, () => undefined, new AbortController().signal)).rejects.toThrow('403');
  });

  it('stops when the page closes (its signal aborts)', async () => {
    const ac = new AbortController();
    const looks: AbortSignal[] = [];
    const running = async (signal: AbortSignal): Promise<Job> => {
      looks.push(signal);
      if (looks.length === 2) ac.abort();
      signal.throwIfAborted();
      return { state: 'running', n: looks.length };
    };
    await expect(pollJob(running, () => undefined, ac.signal)).rejects.toThrow();
    expect(looks).toHaveLength(2);
  });
});
