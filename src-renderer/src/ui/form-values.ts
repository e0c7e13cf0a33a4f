import type { FormField } from '@contract';

/** Reads `a.b.c` from a nested object. */
export function getPath(source: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node && typeof node === 'object' ? (node as Record<string, unknown>)[key] : undefined), source);
}

/** Writes `a.b.c` into a nested object, creating the objects on the way. */
export function setPath(target: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  let node = target;
  for (const key of keys.slice(0, -1)) {
    const next = node[key];
    node = (next && typeof next === 'object' ? next : (node[key] = {})) as Record<string, unknown>;
  }
  node[keys[keys.length - 1] as string] = value;
}

/**
 * Turns flat form values (keyed by descriptor key) into the nested input the core expects.
 * Empty optional text becomes null; secret fields go under `secrets` when `withSecrets`.
 */
export function buildInput(fields: readonly FormField[], values: Record<string, unknown>, withSecrets: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const secrets: Record<string, string> = {};
  for (const field of fields) {
    const value = values[field.key];
    if (field.kind === 'secret') {
      if (withSecrets && typeof value === 'string' && value.trim() !== '') secrets[field.key] = value;
      continue;
    }
    if (value === undefined || value === '' || value === null) {
      if (!field.required) setPath(out, field.key, null);
      continue;
    }
    setPath(out, field.key, value);
  }
  if (Object.keys(secrets).length > 0) out.secrets = secrets;
  return out;
}
