/**
 * The functions a V8 CPU profile (`node --cpu-prof`) spent most of its samples in, by self time:
 * bench:load --cpu-prof DIR prints them for the server's main thread (the directory's largest
 * profile; tsx's loader thread writes a small one beside it). Functions are named with their file,
 * without line numbers (tsx's transpiled sources put every function on line 1).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** The largest .cpuprofile in `dir`, or undefined. */
export function mainProfile(dir: string): string | undefined {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => join(dir, f));
  return files.sort((a, b) => statSync(b).size - statSync(a).size)[0];
}

/** Lines "share%  function file" for the `top` functions by self time. */
export function selfTimeSummary(file: string, top = 25): string[] {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byNode = new Map<number, number>();
  profile.samples.forEach((id, i) => byNode.set(id, (byNode.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byFunction = new Map<string, number>();
  let total = 0;
  for (const n of profile.nodes) {
    const t = byNode.get(n.id) ?? 0;
    total += t;
    const where = n.callFrame.url.replace(/^.*?\/(node_modules|src)\//, '$1/');
    const name = `${n.callFrame.functionName || '(anonymous)'} ${where}`.trim();
    byFunction.set(name, (byFunction.get(name) ?? 0) + t);
  }
  return [...byFunction]
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([name, t]) => `${((100 * t) / total).toFixed(1).padStart(5)}%  ${name}`);
}
