/**
 * The browser's own storage for a dataset snapshot: the Origin Private File System (OPFS). Layout:
 * `pantau-pdn/current.json` names the directory of the snapshot in use (`d<time>/`: manifest.json + t*.csv). A new
 * snapshot is written into a new directory, its manifest last, then `current.json` is switched to it and older
 * directories are removed: a save that is interrupted never leaves a half-written snapshot in use.
 */

const ROOT = 'pantau-pdn';
const CURRENT = 'current.json';

export function opfsAvailable(): boolean {
  return typeof navigator !== 'undefined' && typeof navigator.storage?.getDirectory === 'function';
}

async function root(): Promise<FileSystemDirectoryHandle> {
  const top = await navigator.storage.getDirectory();
  return top.getDirectoryHandle(ROOT, { create: true });
}

/** Thrown by a writer when a file would not fit in the storage left. */
export class StorageFull extends Error {
  constructor() {
    super('storage full');
    this.name = 'StorageFull';
  }
}

/** A write the quota refuses is `StorageFull`, whichever file it is (a table, the manifest). */
const quota = (e: unknown) =>
  e instanceof DOMException && e.name === 'QuotaExceededError' ? new StorageFull() : e;

/** Write a whole file. */
async function writeFile(dir: FileSystemDirectoryHandle, name: string, data: Uint8Array | string) {
  try {
    const handle = await dir.getFileHandle(name, { create: true });
    const w = await handle.createWritable();
    try {
      await w.write(typeof data === 'string' ? data : (data as Uint8Array<ArrayBuffer>));
      await w.close();
    } catch (e) {
      await w.abort().catch(() => undefined);
      throw e;
    }
  } catch (e) {
    throw quota(e);
  }
}

async function readText(dir: FileSystemDirectoryHandle, name: string): Promise<string | null> {
  try {
    return await (await (await dir.getFileHandle(name)).getFile()).text();
  } catch {
    return null;
  }
}

/** The snapshot in use: its manifest's text and a reader for its files; null when nothing is stored. */
export async function openStored(): Promise<{
  manifest: string | null;
  files: string[];
  read: (file: string) => Promise<File>;
} | null> {
  if (!opfsAvailable()) return null;
  const r = await root();
  const current = await readText(r, CURRENT);
  if (current === null) return null;
  let dirName: unknown = null;
  try {
    dirName = (JSON.parse(current) as { dir?: unknown }).dir;
  } catch {
    // a corrupt pointer: reported as a corrupt store below
  }
  const dir =
    typeof dirName === 'string' && /^d\d+$/.test(dirName)
      ? await r.getDirectoryHandle(dirName).catch(() => null)
      : null;
  if (!dir) return { manifest: null, files: [], read: () => Promise.reject(new Error('no snapshot')) };
  const files: string[] = [];
  for await (const name of (dir as unknown as { keys(): AsyncIterable<string> }).keys()) files.push(name);
  return {
    manifest: await readText(dir, 'manifest.json'),
    files,
    read: async (file) => (await dir.getFileHandle(file)).getFile(),
  };
}

/** Bytes free for this origin (quota − usage), or null when the browser does not say. */
async function freeBytes(): Promise<number | null> {
  const est = await navigator.storage?.estimate?.().catch(() => null);
  if (!est || typeof est.quota !== 'number' || typeof est.usage !== 'number') return null;
  return est.quota - est.usage;
}

/**
 * Start a new snapshot: files go into a fresh directory (each part checked against the free storage first), `commit`
 * writes the manifest and makes the snapshot the one in use, `discard` removes it. A table file stays open while
 * its parts are written (`append`: one stream, no copy of what is already written) and is closed when the next file
 * starts or at `commit`.
 */
export async function beginSnapshot(): Promise<{
  write: (file: string, bytes: Uint8Array, append?: boolean) => Promise<void>;
  commit: (manifest: string) => Promise<void>;
  discard: () => Promise<void>;
}> {
  const r = await root();
  const name = `d${Date.now()}`;
  const dir = await r.getDirectoryHandle(name, { create: true });
  let open: { file: string; w: FileSystemWritableFileStream } | null = null;
  const close = async () => {
    const o = open;
    open = null;
    if (o) await o.w.close().catch((e: unknown) => Promise.reject(quota(e)));
  };
  return {
    async write(file, bytes, append) {
      // The quota checked first (a margin for the manifest and the file system's own bookkeeping). Chromium's
      // estimate() may report more room than there is (usage + 10 GiB, measured in Chromium 156): the refused
      // write is then what tells.
      const free = await freeBytes();
      if (free !== null && bytes.length + 1024 * 1024 > free) throw new StorageFull();
      if (!append || open?.file !== file) {
        await close();
        const handle = await dir
          .getFileHandle(file, { create: true })
          .catch((e: unknown) => Promise.reject(quota(e)));
        open = { file, w: await handle.createWritable().catch((e: unknown) => Promise.reject(quota(e))) };
      }
      const o = open;
      try {
        await o.w.write(bytes as Uint8Array<ArrayBuffer>);
      } catch (e) {
        open = null;
        await o.w.abort().catch(() => undefined);
        throw quota(e);
      }
    },
    async commit(manifest) {
      await close();
      await writeFile(dir, 'manifest.json', manifest);
      await writeFile(r, CURRENT, JSON.stringify({ dir: name }));
      await removeAll(r, name);
    },
    async discard() {
      const o = open;
      open = null;
      await o?.w.abort().catch(() => undefined);
      await r.removeEntry(name, { recursive: true }).catch(() => undefined);
    },
  };
}

async function removeAll(r: FileSystemDirectoryHandle, keep: string | null): Promise<void> {
  const names: string[] = [];
  for await (const n of (r as unknown as { keys(): AsyncIterable<string> }).keys()) names.push(n);
  for (const n of names) {
    if (n === keep || (keep !== null && n === CURRENT)) continue;
    await r.removeEntry(n, { recursive: true }).catch(() => undefined);
  }
}

/** Remove every stored snapshot ("Hapus data"). */
export async function clearStored(): Promise<void> {
  if (!opfsAvailable()) return;
  await removeAll(await root(), null);
}
