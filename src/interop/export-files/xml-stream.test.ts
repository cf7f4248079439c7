import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { StagedFiles } from './staged-files.js';
import { XmlStream } from './xml-stream.js';

const dir = mkdtempSync(join(tmpdir(), 'xml-stream-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function written(build: (x: XmlStream) => void): Promise<string> {
  const { paths } = await StagedFiles.write(dir, async (files) => {
    const out = files.open('doc.xml');
    const x = new XmlStream(out);
    build(x);
    await x.end();
    await out.close();
  });
  return readFileSync(paths[0]!, 'utf8');
}

describe('XmlStream', () => {
  it('writes nested, empty and text elements with one-space indents, escaping markup in text and attributes', async () => {
    const xml = await written((x) => {
      x.open('ODM', { FileOID: 'a"b', Skipped: undefined });
      x.el('Empty', { Value: '<1 & 2>' });
      x.el('Parent', {}, () => x.text('Child', 'x < y & "z"'));
      x.translated('Question', 'Fatigue\tlevel');
      x.close();
    });
    expect(xml).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<ODM FileOID="a&quot;b">',
        ' <Empty Value="&lt;1 &amp; 2&gt;"/>',
        ' <Parent>',
        '  <Child>x &lt; y &amp; "z"</Child>',
        ' </Parent>',
        ' <Question>',
        '  <TranslatedText xml:lang="en">Fatigue\tlevel</TranslatedText>',
        ' </Question>',
        '</ODM>',
        '',
      ].join('\n'),
    );
  });
});
