import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { latestDebounced } from './debounce';

describe('latestDebounced', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs once after the pause, with the last argument', async () => {
    const task = vi.fn((text: string) => Promise.resolve(text.length));
    const got: number[] = [];
    const search = latestDebounced(task, 300, (n) => got.push(n));
    search.call('a');
    vi.advanceTimersByTime(200);
    search.call('ab');
    vi.advanceTimersByTime(299);
    expect(task).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    await vi.runAllTimersAsync();
    expect(task).toHaveBeenCalledExactlyOnceWith('ab');
    expect(got).toEqual([2]);
  });

  it('drops a slower answer to an older call', async () => {
    const resolvers: ((value: string) => void)[] = [];
    const task = (text: string) => new Promise<string>((resolve) => resolvers.push(() => resolve(text)));
    const got: string[] = [];
    const search = latestDebounced(task, 100, (text) => got.push(text));
    search.call('old');
    vi.advanceTimersByTime(100);
    search.call('new');
    vi.advanceTimersByTime(100);
    resolvers[1]?.('new');
    resolvers[0]?.('old');
    await vi.runAllTimersAsync();
    expect(resolvers).toHaveLength(2);
    expect(got).toEqual(['new']);
  });

  it('forgets a pending call when cancelled, and reports failures of the latest call', async () => {
    const task = vi.fn((_: string) => Promise.reject(new Error('down')));
    const failures: unknown[] = [];
    const search = latestDebounced(task, 100, () => {}, (error) => failures.push(error));
    search.call('x');
    search.cancel();
    await vi.runAllTimersAsync();
    expect(task).not.toHaveBeenCalled();
    search.call('y');
    await vi.runAllTimersAsync();
    expect(failures).toHaveLength(1);
  });
});
