import { readFile, stat } from 'node:fs/promises';
import { resolve, sep } from 'node:path';

/** A file of the build, read whole (a dashboard build is a few hundred kilobytes). */
export interface DistFile {
  readonly body: Uint8Array<ArrayBuffer>;
  /** Weak validator from size and modification time: changes whenever the build rewrites the file. */
  readonly etag: string;
}

/**
 * The file at `relative` (a URL path below the mount point, still percent-encoded) inside `root`, or undefined
 * when there is none. Paths that would leave `root` (`..`, encoded slashes, NUL) are treated as missing.
 */
export async function readDistFile(root: string, relative: string): Promise<DistFile | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(relative);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const base = resolve(root);
  const path = resolve(base, `.${decoded.startsWith('/') ? '' : '/'}${decoded}`);
  if (!path.startsWith(base + sep)) return undefined;
  try {
    const info = await stat(path);
    if (!info.isFile()) return undefined;
    const body = new Uint8Array(await readFile(path));
    return { body, etag: `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"` };
  } catch {
    return undefined;
  }
}
