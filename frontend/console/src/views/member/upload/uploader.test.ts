import { describe, expect, it } from 'vitest';
import {
  CancelledError,
  MultipartUploader,
  TransferError,
  fingerprint,
  partLength,
  savedUpload,
  type KeyValueStore,
  type StoredPart,
  type UploadFile,
  type UploadState,
  type UploadTransport
} from './uploader';

class MemoryStore implements KeyValueStore {
  readonly map = new Map<string, string>();
  getItem(key: string) {
    return this.map.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.map.set(key, value);
  }
  removeItem(key: string) {
    this.map.delete(key);
  }
}

function file(size: number, name = 'clip.mp4', lastModified = 1700000000000): UploadFile {
  const bytes = new Uint8Array(size).map((_, i) => i % 251);
  const blob = new Blob([bytes], { type: 'video/mp4' });
  return { name, size, lastModified, type: 'video/mp4', slice: (start, end) => blob.slice(start, end) };
}

interface Pending {
  number: number;
  body: Blob;
  progress: (loaded: number) => void;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** Object storage and Kepu's upload API in memory; PUTs can be held open to pause in the middle of a part. */
class FakeServer implements UploadTransport {
  uploads = new Map<string, { parts: Map<number, StoredPart>; partSize: number; partCount: number; size: number; open: boolean }>();
  puts: number[] = [];
  starts = 0;
  aborted: string[] = [];
  completed: { upload: string; parts: { number: number; etag: string }[] }[] = [];
  hold = false;
  pending: Pending[] = [];
  failPut: (number: number, attempt: number) => unknown = () => undefined;
  failStart: unknown = undefined;
  /** Parts the server "loses" before the first completion (to provoke a 409). */
  loseOnComplete: number[] = [];
  private attempts = new Map<number, number>();

  constructor(private readonly partSize: number) {}

  async start(request: { size: number }) {
    this.starts++;
    if (this.failStart) {
      throw this.failStart;
    }
    const id = `upload-${this.starts}`;
    const partCount = Math.ceil(request.size / this.partSize);
    this.uploads.set(id, { parts: new Map(), partSize: this.partSize, partCount, size: request.size, open: true });
    return { upload: id, asset: `asset-${this.starts}`, partSize: this.partSize, partCount, expiresAt: '2099-01-01T00:00:00Z' };
  }

  async partUrl(upload: string, number: number) {
    this.check(upload);
    return `s3://${upload}/${number}`;
  }

  async listParts(upload: string) {
    return [...this.check(upload).parts.values()].sort((a, b) => a.number - b.number);
  }

  putPart(url: string, body: Blob, onProgress: (loaded: number) => void, signal: AbortSignal): Promise<string> {
    const [, , upload, n] = url.split('/');
    const number = Number(n);
    this.puts.push(number);
    const attempt = (this.attempts.get(number) ?? 0) + 1;
    this.attempts.set(number, attempt);
    return new Promise<string>((resolve, reject) => {
      const failure = this.failPut(number, attempt);
      if (failure) {
        reject(failure);
        return;
      }
      const store = () => {
        const etag = `"etag-${number}-${attempt}"`;
        this.check(upload!).parts.set(number, { number, etag, size: body.size });
        onProgress(body.size);
        resolve(etag);
      };
      signal.addEventListener('abort', () => reject(new CancelledError()), { once: true });
      onProgress(Math.floor(body.size / 2));
      if (this.hold) {
        this.pending.push({ number, body, progress: onProgress, resolve: store, reject });
      } else {
        queueMicrotask(store);
      }
    });
  }

  async complete(upload: string, parts: { number: number; etag: string }[]) {
    const state = this.check(upload);
    for (const number of this.loseOnComplete) {
      state.parts.delete(number);
    }
    this.loseOnComplete = [];
    for (let number = 1; number <= state.partCount; number++) {
      const stored = state.parts.get(number);
      const named = parts.find((part) => part.number === number);
      if (!stored || !named || stored.etag !== named.etag) {
        throw Object.assign(new Error('media-upload-parts-missing'), { status: 409 });
      }
    }
    state.open = false;
    this.completed.push({ upload, parts });
    return { id: upload };
  }

  async abort(upload: string) {
    this.check(upload).open = false;
    this.aborted.push(upload);
  }

  release(): void {
    const pending = this.pending;
    this.pending = [];
    pending.forEach((put) => put.resolve());
  }

  private check(upload: string) {
    const state = this.uploads.get(upload);
    if (!state || !state.open) {
      throw Object.assign(new Error('media-upload-not-found'), { status: 404 });
    }
    return state;
  }
}

const noSleep = { sleep: async () => undefined };
const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

function recordStates(uploader: MultipartUploader): UploadState[] {
  const states: UploadState[] = [];
  uploader.subscribe((snapshot) => {
    if (states[states.length - 1] !== snapshot.state) {
      states.push(snapshot.state);
    }
  });
  return states;
}

describe('part arithmetic', () => {
  it('cuts the last part short and knows the fingerprint of a file', () => {
    expect(partLength(25, 10, 1)).toBe(10);
    expect(partLength(25, 10, 3)).toBe(5);
    expect(partLength(25, 10, 4)).toBe(0);
    expect(fingerprint({ name: 'a.mp4', size: 3, lastModified: 9 }, 'VIDEO')).toBe('VIDEO|a.mp4|3|9');
  });
});

describe('MultipartUploader', () => {
  it('sends every part in order, completes with the ETags and forgets the saved state', async () => {
    const server = new FakeServer(10);
    const store = new MemoryStore();
    const uploader = new MultipartUploader(file(25), 'VIDEO', server, store, { concurrency: 1, ...noSleep });
    const states = recordStates(uploader);
    const fractions: number[] = [];
    uploader.subscribe((snapshot) => fractions.push(snapshot.fraction));

    await expect(uploader.start()).resolves.toBe('asset-1');

    expect(server.puts).toEqual([1, 2, 3]);
    expect(server.completed[0]!.parts).toEqual([
      { number: 1, etag: '"etag-1-1"' },
      { number: 2, etag: '"etag-2-1"' },
      { number: 3, etag: '"etag-3-1"' }
    ]);
    expect(states).toEqual(['idle', 'starting', 'uploading', 'completing', 'done']);
    expect(uploader.snapshot()).toMatchObject({ sent: 25, total: 25, fraction: 1, partsDone: 3, partCount: 3 });
    // Progress inside a part is reported (half a part before it is stored) and never goes backwards.
    expect(fractions).toContain(0.2);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));
    expect(store.map.size).toBe(0);
  });

  it('keeps at most the configured number of parts in flight', async () => {
    const server = new FakeServer(10);
    server.hold = true;
    const uploader = new MultipartUploader(file(45), 'VIDEO', server, new MemoryStore(), { concurrency: 2, ...noSleep });
    const done = uploader.start();
    await tick();
    expect(server.pending.map((put) => put.number)).toEqual([1, 2]);
    server.release();
    await tick();
    expect(server.pending.map((put) => put.number)).toEqual([3, 4]);
    server.hold = false;
    server.release();
    await expect(done).resolves.toBe('asset-1');
    expect(server.puts.sort()).toEqual([1, 2, 3, 4, 5]);
  });

  it('pauses by cancelling the part in flight and resumes by sending only what the server lacks', async () => {
    const server = new FakeServer(10);
    server.hold = true;
    const store = new MemoryStore();
    const uploader = new MultipartUploader(file(30), 'VIDEO', server, store, { concurrency: 1, ...noSleep });
    const first = uploader.start();
    await tick();
    server.release(); // part 1 stored
    await tick();
    expect(uploader.snapshot()).toMatchObject({ state: 'uploading', sent: 15 }); // part 1 + half of part 2

    uploader.pause();
    await expect(first).resolves.toBeNull();
    expect(uploader.snapshot()).toMatchObject({ state: 'paused', sent: 10, partsDone: 1 });
    expect(store.map.size).toBe(1); // still resumable

    server.hold = false;
    await expect(uploader.resume()).resolves.toBe('asset-1');
    expect(server.puts).toEqual([1, 2, 2, 3]);
    expect(server.starts).toBe(1);
    expect(uploader.snapshot().state).toBe('done');
    expect(store.map.size).toBe(0);
  });

  it('continues after a page reload when the same file is picked again', async () => {
    const server = new FakeServer(10);
    server.hold = true;
    const store = new MemoryStore();
    const before = new MultipartUploader(file(30), 'VIDEO', server, store, { concurrency: 1, ...noSleep, context: 'work-1' });
    void before.start().catch(() => undefined);
    await tick();
    server.release(); // part 1 stored, then the page goes away with part 2 in flight
    await tick();
    server.pending = [];
    server.hold = false;

    const saved = savedUpload(store, file(30), 'VIDEO');
    expect(saved).toMatchObject({ upload: 'upload-1', asset: 'asset-1', partSize: 10, partCount: 3, context: 'work-1' });
    // Another file (other modification time) is not offered.
    expect(savedUpload(store, file(30, 'clip.mp4', 1700000000001), 'VIDEO')).toBeNull();

    const after = new MultipartUploader(file(30), 'VIDEO', server, store, { concurrency: 1, ...noSleep });
    await expect(after.start(true)).resolves.toBe('asset-1');
    expect(server.starts).toBe(1);
    expect(server.puts).toEqual([1, 2, 2, 3]);
    expect(server.completed[0]!.upload).toBe('upload-1');
  });

  it('sends again a stored part whose size is not what the file says', async () => {
    const server = new FakeServer(10);
    const store = new MemoryStore();
    const started = await server.start({ size: 30 });
    server.uploads.get(started.upload)!.parts.set(1, { number: 1, etag: '"short"', size: 7 });
    server.uploads.get(started.upload)!.parts.set(2, { number: 2, etag: '"good"', size: 10 });
    store.setItem(
      'kepu.console.upload.' + fingerprint(file(30), 'VIDEO'),
      JSON.stringify({ ...started, fingerprint: fingerprint(file(30), 'VIDEO'), purpose: 'VIDEO' })
    );
    const uploader = new MultipartUploader(file(30), 'VIDEO', server, store, { concurrency: 1, ...noSleep });
    await uploader.start(true);
    expect(server.puts).toEqual([1, 3]);
    expect(server.completed[0]!.parts.map((part) => part.etag)).toEqual(['"etag-1-1"', '"good"', '"etag-3-1"']);
  });

  it('starts a new upload when the saved one is gone on the server or expired', async () => {
    const server = new FakeServer(10);
    const store = new MemoryStore();
    const key = 'kepu.console.upload.' + fingerprint(file(20), 'VIDEO');
    store.setItem(key, JSON.stringify({ upload: 'vanished', asset: 'old', partSize: 10, partCount: 2, fingerprint: fingerprint(file(20), 'VIDEO'), purpose: 'VIDEO' }));
    const uploader = new MultipartUploader(file(20), 'VIDEO', server, store, { concurrency: 1, ...noSleep });
    await expect(uploader.start(true)).resolves.toBe('asset-1');
    expect(server.starts).toBe(1);

    store.setItem(key, JSON.stringify({ upload: 'x', asset: 'y', partSize: 10, partCount: 2, fingerprint: fingerprint(file(20), 'VIDEO'), expiresAt: '2001-01-01T00:00:00Z' }));
    expect(savedUpload(store, file(20), 'VIDEO')).toBeNull();
    expect(store.map.has(key)).toBe(false);
  });

  it('retries a part after a network error with growing backoff', async () => {
    const server = new FakeServer(10);
    server.failPut = (number, attempt) => (number === 2 && attempt <= 2 ? new TransferError('network error', 0, true) : undefined);
    const delays: number[] = [];
    const uploader = new MultipartUploader(file(20), 'VIDEO', server, new MemoryStore(), {
      concurrency: 1,
      backoffMs: 100,
      sleep: async (ms) => {
        delays.push(ms);
      }
    });
    await expect(uploader.start()).resolves.toBe('asset-1');
    expect(server.puts).toEqual([1, 2, 2, 2]);
    expect(delays).toEqual([100, 200]);
  });

  it('fails after the last attempt but stays resumable', async () => {
    const server = new FakeServer(10);
    let broken = true;
    server.failPut = (number) => (broken && number === 2 ? new TransferError('network error', 0, true) : undefined);
    const store = new MemoryStore();
    const uploader = new MultipartUploader(file(20), 'VIDEO', server, store, { concurrency: 1, attempts: 3, ...noSleep });
    await expect(uploader.start()).rejects.toBeInstanceOf(TransferError);
    expect(uploader.snapshot()).toMatchObject({ state: 'failed', partsDone: 1, sent: 10 });
    expect(store.map.size).toBe(1);

    broken = false;
    await expect(uploader.resume()).resolves.toBe('asset-1');
    expect(server.puts).toEqual([1, 2, 2, 2, 2]);
  });

  it('does not retry a refusal and forgets the upload', async () => {
    const server = new FakeServer(10);
    server.failStart = Object.assign(new Error('media-type-refused'), { status: 415 });
    const store = new MemoryStore();
    const uploader = new MultipartUploader(file(20), 'VIDEO', server, store, { ...noSleep });
    await expect(uploader.start()).rejects.toMatchObject({ status: 415 });
    expect(server.starts).toBe(1);
    expect(uploader.snapshot().state).toBe('failed');
    expect(store.map.size).toBe(0);
  });

  it('does not retry an ETag hidden by CORS', async () => {
    const server = new FakeServer(10);
    server.failPut = () => new TransferError('ETag not exposed', 200, false);
    const uploader = new MultipartUploader(file(20), 'VIDEO', server, new MemoryStore(), { concurrency: 1, ...noSleep });
    await expect(uploader.start()).rejects.toBeInstanceOf(TransferError);
    expect(server.puts).toEqual([1]);
  });

  it('resends parts the server lost when completion answers 409', async () => {
    const server = new FakeServer(10);
    server.loseOnComplete = [2];
    const uploader = new MultipartUploader(file(30), 'VIDEO', server, new MemoryStore(), { concurrency: 1, ...noSleep });
    await expect(uploader.start()).resolves.toBe('asset-1');
    expect(server.puts).toEqual([1, 2, 3, 2]);
    expect(server.completed).toHaveLength(1);
  });

  it('aborts: cancels the part in flight, deletes the upload and the saved state', async () => {
    const server = new FakeServer(10);
    server.hold = true;
    const store = new MemoryStore();
    const uploader = new MultipartUploader(file(30), 'VIDEO', server, store, { concurrency: 1, ...noSleep });
    const run = uploader.start();
    await tick();
    await uploader.abort();
    await expect(run).resolves.toBeNull();
    expect(server.aborted).toEqual(['upload-1']);
    expect(uploader.snapshot().state).toBe('aborted');
    expect(store.map.size).toBe(0);
    await expect(uploader.resume()).rejects.toThrow(/cannot resume/);
  });

  it('a fresh start ignores a saved upload when asked to', async () => {
    const server = new FakeServer(10);
    const store = new MemoryStore();
    const first = new MultipartUploader(file(20), 'VIDEO', server, store, { concurrency: 1, ...noSleep });
    server.hold = true;
    void first.start().catch(() => undefined);
    await tick();
    first.pause();
    server.hold = false;
    const second = new MultipartUploader(file(20), 'VIDEO', server, store, { concurrency: 1, ...noSleep });
    await expect(second.start(false)).resolves.toBe('asset-2');
    expect(store.map.size).toBe(0);
  });
});
