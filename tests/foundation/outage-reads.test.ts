// No page has a loading boundary (decision 012), so a read that fails while a page renders can
// only be a 500 — unless it is caught and sent to lib/outage.ts's rethrowOutage, which redirects
// to the request's own URL and lets the proxy answer the friendly 503 (decision 011). The faults
// spec meets that instant only by chance; this guard reads every server-rendered module and fails
// on an awaited database read that does not go through rethrowOutage.
import fs from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');

/** The .ts/.tsx files under a folder of the project, as paths from its root. */
function files(dir: string): string[] {
  const names = fs.readdirSync(path.join(ROOT, dir), { recursive: true }) as string[];
  return names.filter((f) => /\.tsx?$/.test(f)).map((f) => path.join(dir, f));
}

/** Server-rendered modules: pages, layouts and server components (no 'use client'). */
function serverModules(): string[] {
  const app = files('app').filter((f) => /\/(page|layout)\.tsx$/.test(f));
  const components = files('components').filter((f) => f.endsWith('.tsx'));
  return [...app, ...components].filter((f) => !/^['"]use client['"]/m.test(fs.readFileSync(path.join(ROOT, f), 'utf8')));
}

/** Names imported as values from '@/db/queries/…' (type-only imports are not reads). */
function queryImports(source: ts.SourceFile): Set<string> {
  const names = new Set<string>();
  for (const statement of source.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    if (!statement.moduleSpecifier.text.startsWith('@/db/queries/')) continue;
    const clause = statement.importClause;
    if (!clause || clause.isTypeOnly) continue;
    const bindings = clause.namedBindings;
    if (bindings && ts.isNamedImports(bindings)) {
      for (const el of bindings.elements) if (!el.isTypeOnly) names.add(el.name.text);
    }
  }
  return names;
}

const isRethrowCatch = (node: ts.Node) =>
  ts.isCallExpression(node) &&
  ts.isPropertyAccessExpression(node.expression) &&
  node.expression.name.text === 'catch' &&
  node.arguments.length === 1 &&
  node.arguments[0].getText() === 'rethrowOutage';

const catchClauseRethrows = (node: ts.TryStatement) => Boolean(node.catchClause?.block.getText().includes('rethrowOutage('));

/**
 * Walks from a query call up to its function: is it awaited, and if so, does a failure reach
 * rethrowOutage (a `.catch(rethrowOutage)` on it or on the Promise.all around it, or a try whose
 * catch hands the error on)?
 */
function verdict(call: ts.CallExpression): 'not awaited' | 'guarded' | 'unguarded' {
  let awaited = false;
  let guarded = false;
  for (let node: ts.Node = call; node.parent; node = node.parent) {
    if (ts.isFunctionLike(node)) break;
    if (ts.isAwaitExpression(node)) awaited = true;
    if (isRethrowCatch(node)) guarded = true;
    if (ts.isTryStatement(node) && catchClauseRethrows(node)) guarded = true;
  }
  if (!awaited) return 'not awaited';
  return guarded ? 'guarded' : 'unguarded';
}

describe('every database read in a server-rendered module goes through rethrowOutage', () => {
  const modules = serverModules();
  const reads: { file: string; line: number; text: string; verdict: ReturnType<typeof verdict> }[] = [];
  for (const file of modules) {
    const text = fs.readFileSync(path.join(ROOT, file), 'utf8');
    const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
    const queries = queryImports(source);
    if (queries.size === 0) continue;
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && queries.has(node.expression.text)) {
        const { line } = source.getLineAndCharacterOfPosition(node.getStart());
        reads.push({ file, line: line + 1, text: node.getText().slice(0, 80), verdict: verdict(node) });
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }

  it('finds the reads (the pages, the settings section and the bell)', () => {
    const awaited = reads.filter((r) => r.verdict !== 'not awaited');
    expect(awaited.length).toBeGreaterThan(30);
    for (const file of ['app/(portal)/dashboard/page.tsx', 'app/admin/page.tsx', 'components/app-shell/notification-bell.tsx']) {
      expect(awaited.some((r) => r.file === file), file).toBe(true);
    }
  });

  it('none is left to become a 500 when the database goes away mid-render', () => {
    const unguarded = reads.filter((r) => r.verdict === 'unguarded').map((r) => `${r.file}:${r.line} ${r.text}`);
    expect(unguarded).toEqual([]);
  });

  it('the check itself tells a guarded read from an unguarded one', () => {
    const sample = `import { a, b } from '@/db/queries/x';
      async function P() {
        const x = await a(1);
        const [y, z] = await Promise.all([a(2), b(3)]).catch(rethrowOutage);
        try { await b(4); } catch (err) { return rethrowOutage(err); }
        const w = await b(5).catch(rethrowOutage);
      }`;
    const source = ts.createSourceFile('sample.tsx', sample, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
    const found: string[] = [];
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && queryImports(source).has(node.expression.text)) {
        found.push(`${node.getText()} ${verdict(node)}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
    expect(found).toEqual(['a(1) unguarded', 'a(2) guarded', 'b(3) guarded', 'b(4) guarded', 'b(5) guarded']);
  });
});
