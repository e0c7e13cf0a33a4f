import { msg, type Message, type RecordingFile } from '@contract';
import type { StorageTargetRecord } from '../store/storage-repo';

/** Where a storage target's objects are addressed: a host, and the path every object's path starts with. */
interface Place {
  host: string;
  path: string;
}

function hostOf(endpoint: string | null): string | null {
  if (!endpoint) return null;
  try {
    return new URL(/^[a-z]+:\/\//i.test(endpoint) ? endpoint : `https://${endpoint}`).hostname.toLowerCase();
  } catch {
    return null;
  }
}

/**
 * The addresses of a target's objects, virtual-hosted and path-style, for the object stores whose
 * address follows from the target (the ones TRRO, the vendor that reports files only by callback,
 * writes to, and any S3-compatible endpoint). For the others (custom domains, VOD) none is known, so a
 * callback can give their files no address.
 */
function placesOf(t: StorageTargetRecord): Place[] {
  const bucket = t.bucket?.toLowerCase();
  const region = t.region?.toLowerCase();
  if (!bucket) return [];
  switch (t.provider) {
    case 'tencent-cos':
      return region ? [{ host: `${bucket}.cos.${region}.myqcloud.com`, path: '/' }] : [];
    case 'amazon-s3':
      return [
        { host: `${bucket}.s3.amazonaws.com`, path: '/' },
        ...(region ? [{ host: `${bucket}.s3.${region}.amazonaws.com`, path: '/' }, { host: `s3.${region}.amazonaws.com`, path: `/${bucket}/` }] : []),
      ];
    case 's3-compatible': {
      const host = hostOf(t.endpoint);
      return host ? [{ host: `${bucket}.${host}`, path: '/' }, { host, path: `/${bucket}/` }] : [];
    }
    default:
      return [];
  }
}

function onTarget(url: string, places: readonly Place[]): boolean {
  try {
    const u = new URL(url);
    return (u.protocol === 'https:' || u.protocol === 'http:') && places.some((p) => u.hostname.toLowerCase() === p.host && u.pathname.startsWith(p.path));
  } catch {
    return false;
  }
}

/**
 * Files as a callback may state them: an address that is not on the task's storage target is dropped
 * (the file stays, without it), with a note saying so. A signed callback is still the vendor's word
 * about where a file went, not proof that it is the operator's storage: an address elsewhere could
 * send whoever opens it to any site.
 */
export function keepOnStorage(files: readonly RecordingFile[], target: StorageTargetRecord | null): { files: RecordingFile[]; notes: Message[] } {
  const places = target ? placesOf(target) : [];
  const notes: Message[] = [];
  const kept = files.map((f) => {
    if (f.url === null || onTarget(f.url, places)) return f;
    notes.push(msg('timeline.note.callbackUrlRefused', { file: f.fileId, host: hostOf(f.url) ?? '?' }));
    return { ...f, url: null };
  });
  return { files: kept, notes };
}
