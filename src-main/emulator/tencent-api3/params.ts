import { Api3Error } from './gate';

/** The emulator's own description of an API's parameters (types as the API model names them). */
export type ParamSpec =
  | { t: 'int'; req?: boolean }
  | { t: 'str'; req?: boolean }
  | { t: 'bool'; req?: boolean }
  | { t: 'obj'; req?: boolean; fields: Record<string, ParamSpec> }
  | { t: 'arr'; req?: boolean; items: ParamSpec };

interface Problem {
  kind: 'type' | 'unknown' | 'missing';
  path: string;
}

/**
 * Checks and coerces `params` against `fields`: type errors first, then unknown fields, then missing
 * required ones (the precedence of docs/vendors/tencent-api3.md §5). GET values arrive as strings and are coerced.
 * Throws the first problem as an {@link Api3Error} with the product's codes.
 */
export function checkParams(
  params: Record<string, unknown>,
  fields: Record<string, ParamSpec>,
  codes: { type: string; unknown?: string; missing?: string },
  fromQuery: boolean,
): Record<string, unknown> {
  const problems: Problem[] = [];
  const out = walkObject(params, fields, '', problems, fromQuery);
  for (const kind of ['type', 'unknown', 'missing'] as const) {
    const p = problems.find((x) => x.kind === kind);
    if (!p) continue;
    if (kind === 'type') throw new Api3Error(codes.type, `The type of parameter \`${p.path}\` does not match.`);
    if (kind === 'unknown') throw new Api3Error(codes.unknown ?? 'UnknownParameter', `The parameter \`${p.path}\` is not recognized.`);
    throw new Api3Error(codes.missing ?? 'MissingParameter', `The request is missing a required parameter \`${p.path}\`.`);
  }
  return out;
}

function walkObject(
  value: Record<string, unknown>,
  fields: Record<string, ParamSpec>,
  prefix: string,
  problems: Problem[],
  fromQuery: boolean,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    const path = prefix ? `${prefix}.${key}` : key;
    const spec = fields[key];
    if (!spec) {
      problems.push({ kind: 'unknown', path });
      continue;
    }
    if (v === null) continue;
    out[key] = walk(v, spec, path, problems, fromQuery);
  }
  for (const [key, spec] of Object.entries(fields)) {
    if (spec.req && (value[key] === undefined || value[key] === null)) problems.push({ kind: 'missing', path: prefix ? `${prefix}.${key}` : key });
  }
  return out;
}

function walk(v: unknown, spec: ParamSpec, path: string, problems: Problem[], fromQuery: boolean): unknown {
  switch (spec.t) {
    case 'int': {
      const n = fromQuery && typeof v === 'string' && /^-?\d+$/.test(v) ? Number(v) : v;
      if (typeof n !== 'number' || !Number.isInteger(n)) problems.push({ kind: 'type', path });
      return n;
    }
    case 'str':
      if (typeof v !== 'string') problems.push({ kind: 'type', path });
      return v;
    case 'bool': {
      const b = fromQuery && (v === 'true' || v === 'false') ? v === 'true' : v;
      if (typeof b !== 'boolean') problems.push({ kind: 'type', path });
      return b;
    }
    case 'obj':
      if (!v || typeof v !== 'object' || Array.isArray(v)) {
        problems.push({ kind: 'type', path });
        return v;
      }
      return walkObject(v as Record<string, unknown>, spec.fields, path, problems, fromQuery);
    case 'arr':
      if (!Array.isArray(v)) {
        problems.push({ kind: 'type', path });
        return v;
      }
      return v.map((item, i) => walk(item, spec.items, `${path}.${i}`, problems, fromQuery));
  }
}

/** The value as a JSON object; anything else (absent, array, scalar) reads as `{}`. */
export function rec(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}
