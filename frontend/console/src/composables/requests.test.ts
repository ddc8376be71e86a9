import { describe, expect, it } from 'vitest';
import { ref } from 'vue';
import { useRequests } from './requests';

describe('useRequests', () => {
  it('is up while the request runs, clears the old error and reports success', async () => {
    const { running, run } = useRequests();
    const error = ref<unknown>(new Error('earlier'));
    let seen: boolean | undefined;
    let seenError: unknown = 'unset';
    const ok = await run(error, async () => {
      seen = running.value;
      seenError = error.value;
    });
    expect(ok).toBe(true);
    expect(seen).toBe(true);
    expect(seenError).toBeNull();
    expect(running.value).toBe(false);
    expect(error.value).toBeNull();
  });

  it('puts a failure into the error instead of throwing, and goes down again', async () => {
    const { running, run } = useRequests();
    const error = ref<unknown>(null);
    const failure = new Error('refused');
    const ok = await run(error, async () => {
      throw failure;
    });
    expect(ok).toBe(false);
    expect(error.value).toBe(failure);
    expect(running.value).toBe(false);
  });

  it('can start up, as a list does that loads when the screen opens', async () => {
    const { running, run } = useRequests(true);
    expect(running.value).toBe(true);
    await run(ref<unknown>(null), async () => undefined);
    expect(running.value).toBe(false);
  });

  it('leaves the errors of other requests alone', async () => {
    const { run } = useRequests();
    const listError = ref<unknown>(new Error('list'));
    const formError = ref<unknown>(null);
    await run(formError, async () => {
      throw new Error('form');
    });
    expect((listError.value as Error).message).toBe('list');
    expect((formError.value as Error).message).toBe('form');
  });

  it('says which row failed when asked to', async () => {
    const { run } = useRequests();
    const rowError = ref<{ id: number; error: unknown } | null>({ id: 1, error: new Error('earlier') });
    const failure = new Error('refused');
    await run(rowError, async () => {
      expect(rowError.value).toBeNull();
      throw failure;
    }, (error) => ({ id: 7, error }));
    expect(rowError.value).toEqual({ id: 7, error: failure });
  });
});
