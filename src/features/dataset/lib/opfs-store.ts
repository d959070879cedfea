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

/**
 * Write a whole file, or (`append`) add to its end (a table written part by part); a write the quota refuses is
 * `StorageFull`, whichever file it is (a table, the manifest).
 */
async function writeFile(
  dir: FileSystemDirectoryHandle,
  name: string,
  data: Uint8Array | string,
  append = false,
) {
  try {
    const handle = await dir.getFileHandle(name, { create: true });
    const at = append ? (await handle.getFile()).size : 0;
    const w = await handle.createWritable({ keepExistingData: append });
    try {
      const bytes = typeof data === 'string' ? data : (data as Uint8Array<ArrayBuffer>);
      await w.write(append ? { type: 'write', position: at, data: bytes } : bytes);
      await w.close();
    } catch (e) {
      await w.abort().catch(() => undefined);
      throw e;
    }
  } catch (e) {
    if (e instanceof DOMException && e.name === 'QuotaExceededError') throw new StorageFull();
    throw e;
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
 * Start a new snapshot: files go into a fresh directory (each checked against the free storage first), `commit`
 * writes the manifest and makes the snapshot the one in use, `discard` removes it.
 */
export async function beginSnapshot(): Promise<{
  write: (file: string, bytes: Uint8Array, append?: boolean) => Promise<void>;
  commit: (manifest: string) => Promise<void>;
  discard: () => Promise<void>;
}> {
  const r = await root();
  const name = `d${Date.now()}`;
  const dir = await r.getDirectoryHandle(name, { create: true });
  return {
    async write(file, bytes, append) {
      // The quota checked first (a margin for the manifest and the file system's own bookkeeping). Chromium's
      // estimate() may report more room than there is (usage + 10 GiB, measured in Chromium 156): the refused
      // write is then what tells.
      const free = await freeBytes();
      if (free !== null && bytes.length + 1024 * 1024 > free) throw new StorageFull();
      await writeFile(dir, file, bytes, append === true);
    },
    async commit(manifest) {
      await writeFile(dir, 'manifest.json', manifest);
      await writeFile(r, CURRENT, JSON.stringify({ dir: name }));
      await removeAll(r, name);
    },
    async discard() {
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
