import { api, unwrap } from '../../../api/client';
import { CancelledError, TransferError, type StoredPart, type StartedUpload, type UploadTransport } from './uploader';

/**
 * The uploader's transport in a browser: Kepu's API for start, part URLs, listing, completing and aborting;
 * XMLHttpRequest for the PUT straight to object storage, because fetch reports no upload progress. The ETag
 * comes from the PUT's response header, which object storage must expose to this origin (CORS).
 */
export const browserTransport: UploadTransport = {
  async start(request): Promise<StartedUpload> {
    const started = await unwrap(api.POST('/api/media/uploads', { body: request }));
    if (!started?.upload || !started.asset || !started.partSize || !started.partCount) {
      throw new TransferError('incomplete answer to start', 502, false);
    }
    return { upload: started.upload, asset: started.asset, partSize: started.partSize, partCount: started.partCount, expiresAt: started.expiresAt };
  },

  async partUrl(upload, number): Promise<string> {
    const part = await unwrap(api.POST('/api/media/uploads/{id}/parts/{number}/url', { params: { path: { id: upload, number } } }));
    if (!part?.url) {
      throw new TransferError('no part URL', 502, true);
    }
    return part.url;
  },

  async listParts(upload): Promise<StoredPart[]> {
    const parts = await unwrap(api.GET('/api/media/uploads/{id}/parts', { params: { path: { id: upload } } }));
    return (parts ?? []).flatMap((part) =>
      part.number && part.etag && part.size !== undefined ? [{ number: part.number, etag: part.etag, size: part.size }] : []
    );
  },

  putPart(url, body, onProgress, signal): Promise<string> {
    return new Promise((resolve, reject) => {
      if (signal.aborted) {
        reject(new CancelledError());
        return;
      }
      const xhr = new XMLHttpRequest();
      xhr.open('PUT', url);
      xhr.upload.onprogress = (event) => onProgress(event.loaded);
      xhr.onload = () => {
        if (xhr.status >= 200 && xhr.status < 300) {
          const etag = xhr.getResponseHeader('ETag');
          if (etag) {
            resolve(etag);
          } else {
            // Object storage answered but CORS hides the ETag: a configuration error, not worth retrying.
            reject(new TransferError('ETag not exposed by object storage (CORS ExposeHeaders)', xhr.status, false));
          }
        } else {
          // 403 is usually an expired presigned URL: another attempt fetches a new one.
          reject(new TransferError(`object storage answered ${xhr.status}`, xhr.status, xhr.status === 403 || xhr.status >= 500 || xhr.status === 408));
        }
      };
      xhr.onerror = () => reject(new TransferError('network error', 0, true));
      xhr.ontimeout = () => reject(new TransferError('timeout', 0, true));
      xhr.onabort = () => reject(new CancelledError());
      signal.addEventListener('abort', () => xhr.abort(), { once: true });
      xhr.send(body);
    });
  },

  async complete(upload, parts): Promise<unknown> {
    return unwrap(api.POST('/api/media/uploads/{id}/complete', { params: { path: { id: upload } }, body: { parts } }));
  },

  async abort(upload): Promise<void> {
    await unwrap(api.DELETE('/api/media/uploads/{id}', { params: { path: { id: upload } } }));
  }
};
