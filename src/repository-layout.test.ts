import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return f === 'node_modules' || f === 'dist' ? [] : sourceFiles(p);
    return /\.tsx?$/.test(f) ? [p] : [];
  });
}

/** The project files a file imports (type-only imports too: a cycle of types is still a knot to untie). */
function localImports(file: string): string[] {
  const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return importedFiles
    .map((i) => i.fileName)
    .filter((f) => f.startsWith('.'))
    .map((f) => {
      const ts_ = resolve(dirname(file), f).replace(/\.js$/, '.ts');
      return statSafe(ts_) ? ts_ : ts_.replace(/\.ts$/, '.tsx');
    });
}
const statSafe = (p: string) => {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
};

/** Strongly connected components of more than one file (Tarjan), as paths from the repository root. */
function importCycles(files: readonly string[]): string[][] {
  const graph = new Map(files.map((f) => [f, localImports(f)]));
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string) => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(relative(root, w));
      } while (w !== v);
      if (component.length > 1) cycles.push(component.sort());
    }
  };
  for (const f of graph.keys()) if (!index.has(f)) visit(f);
  return cycles;
}

describe('repository layout', () => {
  it('no import cycles in the server, the CLI or the web app', () => {
    const files = [...sourceFiles(join(root, 'src')), ...sourceFiles(join(root, 'web'))].filter((f) => !/\.test\.tsx?$/.test(f));
    expect(importCycles(files).map((c) => c.map((f) => f.slice(root.length)))).toEqual([]);
  });

  it('the detector finds a cycle when there is one: two files importing each other, type-only or not', () => {
    const dir = mkdtempSync(join(tmpdir(), 'il2trials-cycle-'));
    try {
      writeFileSync(join(dir, 'a.ts'), "import { b } from './b.js';\nexport const a = () => b;\n");
      writeFileSync(join(dir, 'b.ts'), "import type { a } from './a.js';\nexport const b = 1 as unknown as typeof a;\n");
      writeFileSync(join(dir, 'c.ts'), "import { a } from './a.js';\nexport const c = a;\n");
      const cycles = importCycles(['a.ts', 'b.ts', 'c.ts'].map((f) => join(dir, f)));
      expect(cycles.map((c) => c.map((f) => f.split('/').pop()))).toEqual([['a.ts', 'b.ts']]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('the build holds no test-only file and imports none', () => {
    const config = ts.readConfigFile(join(root, 'tsconfig.build.json'), ts.sys.readFile);
    const built = ts.parseJsonConfigFileContent(config.config, ts.sys, root).fileNames.map((f) => resolve(f));
    const builtSet = new Set(built);
    const testOnly = built.filter((f) => /from 'vitest'/.test(readFileSync(f, 'utf8')));
    const reachingOut = built.flatMap((f) =>
      localImports(f)
        .filter((i) => i.startsWith(join(root, 'src')) && !builtSet.has(i))
        .map((i) => `${relative(root, f)} → ${relative(root, i)}`),
    );
    expect(testOnly).toEqual([]);
    expect(reachingOut).toEqual([]);
  });
});
