// A resumable multipart upload straight to object storage, without Vue and without a network of its own: the
// transport (API calls and the PUT of a part) and the store (localStorage) are injected, so tests drive it.

/** The file being sent: a browser File satisfies it. */
export interface UploadFile {
  readonly name: string;
  readonly size: number;
  readonly lastModified: number;
  readonly type: string;
  slice(start: number, end: number): Blob;
}

export interface StartedUpload {
  upload: string;
  asset: string;
  partSize: number;
  partCount: number;
  expiresAt?: string;
}

export interface StoredPart {
  number: number;
  etag: string;
  size: number;
}

/** A failed transfer. `retryable` failures (network, 5xx, expired URL) are tried again with backoff. */
export class TransferError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly retryable: boolean
  ) {
    super(message);
    this.name = 'TransferError';
  }
}

/** The PUT was cancelled by pause or abort. */
export class CancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'CancelledError';
  }
}

export interface UploadTransport {
  start(request: { purpose: string; fileName: string; size: number; contentType?: string }): Promise<StartedUpload>;
  partUrl(upload: string, number: number): Promise<string>;
  listParts(upload: string): Promise<StoredPart[]>;
  /** PUTs the bytes, reports bytes sent so far, resolves to the ETag of the stored part. */
  putPart(url: string, body: Blob, onProgress: (loaded: number) => void, signal: AbortSignal): Promise<string>;
  complete(upload: string, parts: { number: number; etag: string }[]): Promise<unknown>;
  abort(upload: string): Promise<void>;
}

/** The part of Storage the uploader needs. */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** What survives a page reload: enough to ask the server which parts it already has. */
export interface SavedUpload {
  fingerprint: string;
  purpose: string;
  upload: string;
  asset: string;
  partSize: number;
  partCount: number;
  expiresAt?: string;
  /** Which work the asset belongs to, so the page can attach it after a reload. */
  context?: string;
}

export type UploadState = 'idle' | 'starting' | 'uploading' | 'paused' | 'completing' | 'done' | 'failed' | 'aborted';

export interface UploadSnapshot {
  state: UploadState;
  sent: number;
  total: number;
  /** 0..1 */
  fraction: number;
  partsDone: number;
  partCount: number;
  asset?: string;
  error?: unknown;
}

export interface UploaderOptions {
  /** Parts in flight at once (1 or 2 make sense for a browser). */
  concurrency?: number;
  /** Attempts per part (and per API step) before giving up. */
  attempts?: number;
  /** First backoff delay; doubled per attempt. */
  backoffMs?: number;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  /** Stored with the saved upload (for example the work id). */
  context?: string;
}

const PREFIX = 'kepu.console.upload.';

/** The same file picked again: same name, size and modification time (and purpose). */
export function fingerprint(file: Pick<UploadFile, 'name' | 'size' | 'lastModified'>, purpose: string): string {
  return `${purpose}|${file.name}|${file.size}|${file.lastModified}`;
}

/** The expected size of part `number` (1-based) of a file of `size` bytes cut into `partSize` pieces. */
export function partLength(size: number, partSize: number, number: number): number {
  const start = (number - 1) * partSize;
  return Math.max(0, Math.min(partSize, size - start));
}

/** An unfinished upload of this file that this browser remembers, unless it has expired. */
export function savedUpload(store: KeyValueStore, file: UploadFile, purpose: string, now: number = Date.now()): SavedUpload | null {
  const key = PREFIX + fingerprint(file, purpose);
  const raw = store.getItem(key);
  if (!raw) {
    return null;
  }
  try {
    const saved = JSON.parse(raw) as SavedUpload;
    if (saved.fingerprint !== fingerprint(file, purpose) || (saved.expiresAt && Date.parse(saved.expiresAt) <= now)) {
      store.removeItem(key);
      return null;
    }
    return saved;
  } catch {
    store.removeItem(key);
    return null;
  }
}

/** Every unfinished upload this browser remembers (for a hint after a reload). */
export function savedUploads(store: KeyValueStore & { length: number; key(index: number): string | null }): SavedUpload[] {
  const found: SavedUpload[] = [];
  for (let i = 0; i < store.length; i++) {
    const key = store.key(i);
    if (key?.startsWith(PREFIX)) {
      try {
        found.push(JSON.parse(store.getItem(key) ?? '') as SavedUpload);
      } catch {
        // unreadable entries are ignored; savedUpload removes them when their file comes back
      }
    }
  }
  return found;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * One file, one multipart upload. `start(resume)` begins (or continues a saved upload), `pause()` cancels the
 * parts in flight and keeps what is stored, `resume()` asks the server what it has and sends the rest,
 * `abort()` gives up and deletes the upload. Listeners see every change as a snapshot.
 */
export class MultipartUploader {
  private state: UploadState = 'idle';
  private started: StartedUpload | null = null;
  private readonly done = new Map<number, StoredPart>();
  private readonly inFlight = new Map<number, number>();
  private controllers = new Set<AbortController>();
  private error: unknown;
  private asset?: string;
  private readonly listeners = new Set<(snapshot: UploadSnapshot) => void>();
  private readonly concurrency: number;
  private readonly attempts: number;
  private readonly backoffMs: number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly now: () => number;
  /** Bumped by pause/abort so that a run that was overtaken stops quietly. */
  private generation = 0;

  constructor(
    readonly file: UploadFile,
    readonly purpose: string,
    private readonly transport: UploadTransport,
    private readonly store: KeyValueStore,
    private readonly options: UploaderOptions = {}
  ) {
    this.concurrency = Math.max(1, Math.min(options.concurrency ?? 2, 4));
    this.attempts = Math.max(1, options.attempts ?? 4);
    this.backoffMs = options.backoffMs ?? 500;
    this.sleep = options.sleep ?? defaultSleep;
    this.now = options.now ?? Date.now;
  }

  subscribe(listener: (snapshot: UploadSnapshot) => void): () => void {
    this.listeners.add(listener);
    listener(this.snapshot());
    return () => this.listeners.delete(listener);
  }

  snapshot(): UploadSnapshot {
    const total = this.file.size;
    let sent = 0;
    for (const part of this.done.values()) {
      sent += part.size;
    }
    for (const loaded of this.inFlight.values()) {
      sent += loaded;
    }
    sent = Math.min(sent, total);
    return {
      state: this.state,
      sent,
      total,
      fraction: total > 0 ? sent / total : 0,
      partsDone: this.done.size,
      partCount: this.started?.partCount ?? 0,
      asset: this.asset ?? this.started?.asset,
      error: this.error
    };
  }

  get uploadId(): string | undefined {
    return this.started?.upload;
  }

  /**
   * Begins the upload. With `resume`, a saved upload of the same file is continued (its stored parts are
   * listed, checked against their expected sizes and skipped); otherwise a new upload starts. Resolves to the
   * asset id once complete; rejects only when the upload failed (pause and abort resolve to null).
   */
  async start(resume = true): Promise<string | null> {
    if (this.state !== 'idle' && this.state !== 'failed') {
      throw new Error(`cannot start in state ${this.state}`);
    }
    const generation = ++this.generation;
    this.error = undefined;
    this.set('starting');
    let continuing = false;
    try {
      const saved = resume ? savedUpload(this.store, this.file, this.purpose, this.now()) : null;
      if (saved) {
        this.started = { upload: saved.upload, asset: saved.asset, partSize: saved.partSize, partCount: saved.partCount, expiresAt: saved.expiresAt };
        continuing = true;
      } else {
        this.forget();
        this.started = await this.newUpload();
        this.save();
      }
    } catch (cause) {
      return this.fail(generation, cause);
    }
    if (generation !== this.generation) {
      return null;
    }
    if (continuing) {
      try {
        await this.adoptStoredParts(generation);
      } catch (cause) {
        // The server no longer knows the upload (expired, completed, aborted elsewhere): start afresh.
        if (![403, 404, 409].includes(statusOf(cause))) {
          return this.fail(generation, cause);
        }
        this.forget();
        this.done.clear();
        try {
          this.started = await this.newUpload();
          this.save();
        } catch (again) {
          return this.fail(generation, again);
        }
      }
      if (generation !== this.generation) {
        return null;
      }
    }
    return this.run(generation, false);
  }

  /** Stops sending: parts in flight are cancelled (their bytes are lost), stored parts stay. */
  pause(): void {
    if (this.state !== 'uploading' && this.state !== 'starting') {
      return;
    }
    this.generation++;
    this.cancelInFlight();
    this.set('paused');
  }

  /** Continues after a pause or a failure: lists the stored parts again and sends the rest. */
  async resume(): Promise<string | null> {
    if (this.state !== 'paused' && this.state !== 'failed') {
      throw new Error(`cannot resume in state ${this.state}`);
    }
    if (!this.started) {
      this.state = 'idle';
      return this.start(true);
    }
    const generation = ++this.generation;
    this.error = undefined;
    this.set('uploading');
    return this.run(generation, true);
  }

  /** Gives up: cancels the parts in flight, deletes the upload on the server and the saved state here. */
  async abort(): Promise<void> {
    if (this.state === 'done' || this.state === 'aborted') {
      return;
    }
    this.generation++;
    this.cancelInFlight();
    const upload = this.started?.upload;
    this.forget();
    this.set('aborted');
    if (upload) {
      await this.transport.abort(upload);
    }
  }

  private newUpload(): Promise<StartedUpload> {
    return this.retrying(() =>
      this.transport.start({ purpose: this.purpose, fileName: this.file.name, size: this.file.size, contentType: this.file.type || undefined })
    );
  }

  private async run(generation: number, listFirst: boolean): Promise<string | null> {
    const started = this.started!;
    this.set('uploading');
    try {
      if (listFirst) {
        await this.adoptStoredParts(generation);
      }
      await this.sendMissing(generation);
      if (generation !== this.generation) {
        return null;
      }
      this.set('completing');
      await this.completeWithRecovery(generation);
      if (generation !== this.generation) {
        return null;
      }
      this.asset = started.asset;
      this.forget();
      this.set('done');
      return started.asset;
    } catch (cause) {
      return this.fail(generation, cause);
    }
  }

  /** Keeps the parts the server has with the size they must have; anything else is sent again. */
  private async adoptStoredParts(generation: number): Promise<void> {
    const started = this.started!;
    const stored = await this.retrying(() => this.transport.listParts(started.upload));
    if (generation !== this.generation) {
      return;
    }
    this.done.clear();
    for (const part of stored) {
      if (part.number >= 1 && part.number <= started.partCount && part.etag && part.size === partLength(this.file.size, started.partSize, part.number)) {
        this.done.set(part.number, part);
      }
    }
    this.emit();
  }

  private async sendMissing(generation: number): Promise<void> {
    const started = this.started!;
    const queue: number[] = [];
    for (let number = 1; number <= started.partCount; number++) {
      if (!this.done.has(number)) {
        queue.push(number);
      }
    }
    const worker = async () => {
      while (queue.length > 0 && generation === this.generation) {
        await this.sendPart(generation, queue.shift()!);
      }
    };
    await Promise.all(Array.from({ length: Math.min(this.concurrency, queue.length) }, worker));
  }

  private async sendPart(generation: number, number: number): Promise<void> {
    const started = this.started!;
    const from = (number - 1) * started.partSize;
    const length = partLength(this.file.size, started.partSize, number);
    const body = this.file.slice(from, from + length);
    for (let attempt = 1; ; attempt++) {
      if (generation !== this.generation) {
        return;
      }
      const controller = new AbortController();
      this.controllers.add(controller);
      try {
        this.inFlight.set(number, 0);
        // A fresh URL per attempt: a presigned URL may have expired while paused.
        const url = await this.transport.partUrl(started.upload, number);
        if (generation !== this.generation) {
          return;
        }
        const etag = await this.transport.putPart(
          url,
          body,
          (loaded) => {
            if (generation === this.generation && this.inFlight.has(number)) {
              this.inFlight.set(number, Math.min(loaded, length));
              this.emit();
            }
          },
          controller.signal
        );
        if (generation !== this.generation) {
          return;
        }
        this.inFlight.delete(number);
        this.done.set(number, { number, etag, size: length });
        this.emit();
        return;
      } catch (cause) {
        this.inFlight.delete(number);
        if (generation !== this.generation || cause instanceof CancelledError) {
          return;
        }
        if (!isRetryable(cause) || attempt >= this.attempts) {
          throw cause;
        }
        this.emit();
        await this.sleep(this.backoffMs * 2 ** (attempt - 1));
      } finally {
        this.controllers.delete(controller);
      }
    }
  }

  /** Completes; when the server misses parts or disagrees on an ETag (409), lists, resends and tries once more. */
  private async completeWithRecovery(generation: number): Promise<void> {
    const started = this.started!;
    const parts = () => [...this.done.values()].sort((a, b) => a.number - b.number).map(({ number, etag }) => ({ number, etag }));
    try {
      await this.retrying(() => this.transport.complete(started.upload, parts()));
    } catch (cause) {
      if (statusOf(cause) !== 409 || generation !== this.generation) {
        throw cause;
      }
      this.set('uploading');
      await this.adoptStoredParts(generation);
      await this.sendMissing(generation);
      if (generation !== this.generation) {
        return;
      }
      this.set('completing');
      await this.retrying(() => this.transport.complete(started.upload, parts()));
    }
  }

  private async retrying<T>(call: () => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await call();
      } catch (cause) {
        if (!isRetryable(cause) || attempt >= this.attempts) {
          throw cause;
        }
        await this.sleep(this.backoffMs * 2 ** (attempt - 1));
      }
    }
  }

  private fail(generation: number, cause: unknown): null {
    if (generation !== this.generation) {
      return null;
    }
    this.error = cause;
    this.cancelInFlight();
    this.set('failed');
    // A refused file (4xx other than a conflict) cannot be continued: forget it so the next try starts afresh.
    const status = statusOf(cause);
    if (status >= 400 && status < 500 && status !== 409 && status !== 408 && status !== 429) {
      this.forget();
    }
    throw cause;
  }

  private cancelInFlight(): void {
    for (const controller of this.controllers) {
      controller.abort();
    }
    this.controllers.clear();
    this.inFlight.clear();
  }

  private key(): string {
    return PREFIX + fingerprint(this.file, this.purpose);
  }

  private save(): void {
    const started = this.started!;
    const saved: SavedUpload = {
      fingerprint: fingerprint(this.file, this.purpose),
      purpose: this.purpose,
      upload: started.upload,
      asset: started.asset,
      partSize: started.partSize,
      partCount: started.partCount,
      expiresAt: started.expiresAt,
      context: this.options.context
    };
    this.store.setItem(this.key(), JSON.stringify(saved));
  }

  private forget(): void {
    this.store.removeItem(this.key());
  }

  private set(state: UploadState): void {
    this.state = state;
    this.emit();
  }

  private emit(): void {
    const snapshot = this.snapshot();
    for (const listener of this.listeners) {
      listener(snapshot);
    }
  }
}

function statusOf(cause: unknown): number {
  const status = (cause as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : 0;
}

/** Network failures (status 0), timeouts, throttling and server errors are worth another try. */
export function isRetryable(cause: unknown): boolean {
  if (cause instanceof CancelledError) {
    return false;
  }
  if (cause instanceof TransferError) {
    return cause.retryable;
  }
  const status = statusOf(cause);
  return status === 0 || status === 408 || status === 429 || status >= 500;
}
