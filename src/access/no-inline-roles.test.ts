import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { roles } from './roles.js';

const repo = fileURLToPath(new URL('../..', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return f === 'node_modules' || f === 'dist' ? [] : sources(p);
    return /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f) ? [p] : [];
  });
}

describe('one list of roles', () => {
  it('leaves no list of roles and no role test outside src/access: the server, the masking, the CLI and the web name actions', () => {
    const name = roles.map((r) => r.replace('-', '\\-')).join('|');
    // A list of two or more role names, or a comparison with one ("role === 'admin'").
    const inline = new RegExp(`\\[\\s*'(${name})'\\s*,\\s*'(${name})'|role\\s*[!=]==\\s*'(${name})'`);
    const found = [join(repo, 'src'), join(repo, 'web', 'src')]
      .flatMap(sources)
      .filter((f) => !f.includes(`${join('src', 'access')}/`))
      .filter((f) => inline.test(readFileSync(f, 'utf8')))
      .map((f) => relative(repo, f));
    expect(found).toEqual([]);
  });
});
