/**
 * Runs {@code task} once typing has paused for {@code wait} ms, and keeps only the answer to the latest call:
 * an older, slower answer that arrives afterwards is dropped.
 */
export function latestDebounced<A, R>(task: (argument: A) => Promise<R>, wait: number, deliver: (result: R) => void,
                                      fail: (error: unknown) => void = () => {}) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let generation = 0;

  function cancel(): void {
    if (timer !== undefined) {
      clearTimeout(timer);
      timer = undefined;
    }
    generation++;
  }

  function call(argument: A): void {
    cancel();
    const mine = generation;
    timer = setTimeout(() => {
      timer = undefined;
      task(argument).then(
        (result) => { if (mine === generation) deliver(result); },
        (error) => { if (mine === generation) fail(error); }
      );
    }, wait);
  }

  return { call, cancel };
}
