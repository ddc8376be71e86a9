import { ref, type Ref } from 'vue';

/**
 * A flag that is up while a request of a screen runs (the list loading, or a form busy), and `run`, which raises it,
 * clears the error the request reports to, runs the request and, when it fails, puts the failure there instead of
 * throwing (through `describe` where the error also says which row failed). `run` resolves whether it succeeded.
 */
export function useRequests(initiallyRunning = false) {
  const running = ref(initiallyRunning);

  async function run<E = unknown>(error: Ref<E | null>, request: () => Promise<void>,
    describe: (failure: unknown) => E = (failure) => failure as E): Promise<boolean> {
    running.value = true;
    error.value = null;
    try {
      await request();
      return true;
    } catch (failure) {
      error.value = describe(failure);
      return false;
    } finally {
      running.value = false;
    }
  }

  return { running, run };
}
