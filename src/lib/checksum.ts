import { createSHA256 } from 'hash-wasm';

/** Bytes read and hashed per step: small enough to keep memory flat, large enough to keep the wasm busy. */
const CHECKSUM_CHUNK_BYTES = 8 * 1024 * 1024;

export class ChecksumCancelled extends Error {
  constructor() {
    super('checksum cancelled');
  }
}

/**
 * SHA-256 of a file (or any Blob) of any size, as lowercase hex: read slice by slice (`Blob.slice`) and fed to a
 * streaming hash (hash-wasm: its WebAssembly is bundled inline, so nothing is fetched and it works offline and on
 * pages that are not served securely, unlike WebCrypto, which also only hashes one whole buffer). Awaiting each
 * slice yields to the event loop; in the app it runs in a Web Worker (src/features/import/lib/checksum.worker.ts).
 * `onBytes` gets the bytes hashed so far after each slice; an aborted `signal` stops it between two slices.
 * `onChunk` gets each slice's bytes as they are hashed, in order: other work on the same bytes (the import's line
 * count) then needs no read of its own.
 */
export async function sha256Blob(
  blob: Blob,
  opts: {
    chunkBytes?: number;
    signal?: AbortSignal;
    onBytes?: (done: number) => void;
    onChunk?: (bytes: Uint8Array) => void;
  } = {},
): Promise<string> {
  const step = opts.chunkBytes ?? CHECKSUM_CHUNK_BYTES;
  if (!(step > 0)) throw new Error(`chunk size must be positive: ${step}`);
  const hasher = await createSHA256();
  hasher.init();
  for (let at = 0; at < blob.size; at += step) {
    if (opts.signal?.aborted) throw new ChecksumCancelled();
    const bytes = new Uint8Array(await blob.slice(at, Math.min(at + step, blob.size)).arrayBuffer());
    hasher.update(bytes);
    opts.onChunk?.(bytes);
    opts.onBytes?.(Math.min(at + step, blob.size));
  }
  if (opts.signal?.aborted) throw new ChecksumCancelled();
  return hasher.digest('hex');
}
