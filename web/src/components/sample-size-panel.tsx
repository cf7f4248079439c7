import { useState, type FormEvent } from 'react';
import { api, type SampleSize } from '../api.js';
import { useLoad } from '../use-load.js';
import { Loaded } from './loaded.js';

const pct = (p: number) => `${(100 * p).toFixed(1)} %`;

/** Participants per arm for a new trial, the effect taken from a published row the user chooses. */
export function SampleSizePanel() {
  const [effects] = useLoad(() => api.evidenceEffects(), 'evidence-effects');
  const [form, setForm] = useState({ effect: '', alpha: '0.05', power: '0.8', ratio: '1' });
  const [result, setResult] = useState<SampleSize | null>(null);
  const [error, setError] = useState<string | null>(null);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  async function submit(e: FormEvent, first: string) {
    e.preventDefault();
    setError(null);
    try {
      setResult(await api.sampleSize({ ...form, effect: form.effect || first }));
    } catch (err) {
      setResult(null);
      setError(err instanceof Error ? err.message : String(err));
    }
  }
  return (
    <section aria-labelledby="sample-size-heading">
      <h2 id="sample-size-heading">Sample size from a published effect</h2>
      <Loaded state={effects} what="the published effects">
        {(list) => (
          <form onSubmit={(e) => void submit(e, list[0]?.id ?? '')}>
            <label htmlFor="ss-effect">Published effect</label>
            <select id="ss-effect" value={form.effect || list[0]?.id} onChange={set('effect')}>
              {list.map((x) => (
                <option key={x.id} value={x.id}>
                  {x.disease}: {x.endpoint}, {x.treated.responders}/{x.treated.n} vs {x.control.responders}/{x.control.n} ({x.citation})
                </option>
              ))}
            </select>
            <label htmlFor="ss-alpha">Alpha (two-sided)</label>
            <input id="ss-alpha" inputMode="decimal" value={form.alpha} onChange={set('alpha')} />
            <label htmlFor="ss-power">Power</label>
            <input id="ss-power" inputMode="decimal" value={form.power} onChange={set('power')} />
            <label htmlFor="ss-ratio">Allocation ratio (treated per control)</label>
            <input id="ss-ratio" inputMode="decimal" value={form.ratio} onChange={set('ratio')} />
            <button type="submit">Calculate sample size</button>
          </form>
        )}
      </Loaded>
      {error !== null && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      {result !== null && (
        <p role="status" aria-label="Sample size">
          {result.effect.treated.group} {pct(result.pTreated)} vs {result.effect.control.group} {pct(result.pControl)}: {result.nTreated} {result.effect.treated.group} and {result.nControl}{' '}
          {result.effect.control.group}, {result.total} in total ({result.method}, alpha {result.alpha}, power {result.power}).
        </p>
      )}
    </section>
  );
}
