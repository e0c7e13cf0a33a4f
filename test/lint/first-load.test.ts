import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { parse } from 'vue/compiler-sfc';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const CONTRACT = join(ROOT, 'src-preload/contract');
/** The renderer's entry and the view it opens on; the router loads every view with import(). */
const FIRST_LOAD = ['src-renderer/src/main.ts', 'src-renderer/src/features/monitor/views/LiveView.vue'];

/** A module's script, or a Vue file's script blocks. */
function scriptOf(file: string): string {
  const text = readFileSync(file, 'utf8');
  if (!file.endsWith('.vue')) return text;
  const { descriptor } = parse(text);
  return [descriptor.script?.content, descriptor.scriptSetup?.content].filter(Boolean).join('\n');
}

/**
 * What a module makes the browser load and run with it: its static imports and re-exports. Type-only
 * ones vanish in the build and import() loads later, so neither counts.
 */
function valueImports(file: string): string[] {
  const source = ts.createSourceFile(file, scriptOf(file), ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const specifiers: string[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      const named = clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : [];
      const onlyTypes = !!clause && (clause.isTypeOnly || (!clause.name && named.length > 0 && named.every((e) => e.isTypeOnly)));
      if (!onlyTypes) specifiers.push((statement.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && !statement.isTypeOnly) {
      specifiers.push((statement.moduleSpecifier as ts.StringLiteral).text);
    }
  }
  return specifiers;
}

/** A source file for a specifier, or the package name of a bare one. */
function resolveImport(from: string, specifier: string): string {
  const isContract = specifier === '@contract' || specifier.startsWith('@contract/');
  if (!isContract && !specifier.startsWith('.')) return specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;
  const base = isContract ? join(CONTRACT, specifier.slice('@contract'.length)) : resolve(dirname(from), specifier);
  const found = [base, `${base}.ts`, join(base, 'index.ts')].find((f) => /\.(ts|vue|svg|css)$/.test(f) && existsSync(f));
  if (!found) throw new Error(`cannot resolve ${specifier} from ${relative(ROOT, from)}`);
  return found;
}

/** Every module the first load evaluates, each with the module that first imported it. */
function firstLoad(): Map<string, string | null> {
  const parent = new Map<string, string | null>(FIRST_LOAD.map((f) => [join(ROOT, f), null]));
  const queue = [...parent.keys()];
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (!/\.(ts|vue)$/.test(file)) continue;
    for (const specifier of valueImports(file)) {
      const target = resolveImport(file, specifier);
      if (!parent.has(target)) {
        parent.set(target, file);
        queue.push(target);
      }
    }
  }
  return parent;
}

describe('the Live view’s first load', () => {
  it('reads the contract’s catalogues and vendor profiles without loading zod, its schemas or validators', () => {
    const parent = firstLoad();
    const chain = (file: string): string => {
      const path: string[] = [];
      for (let f: string | null | undefined = file; f; f = parent.get(f)) path.unshift(relative(ROOT, f));
      return path.join(' → ');
    };
    const withZod = [...parent.keys()].filter((f) => /\.(ts|vue)$/.test(f) && valueImports(f).includes('zod')).map(chain);
    expect({
      catalogues: parent.has(join(CONTRACT, 'messages/index.ts')),
      profiles: parent.has(join(CONTRACT, 'vendors/index.ts')),
      zod: parent.has('zod'),
      withZod,
    }).toEqual({ catalogues: true, profiles: true, zod: false, withZod: [] });
  });
});
