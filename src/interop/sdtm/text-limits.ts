/** SDTM character values are at most 200 bytes (the XPT v5 limit, SDTMIG 3.4 §4.5.3.2). */
export const MAX_VALUE_BYTES = 200;

/**
 * `text` cut to at most `maxBytes` UTF-8 bytes at a character boundary. Used where the IG itself says
 * to shorten (IETEST, TSVAL: "the full text is in the protocol"); elsewhere a longer value is an error.
 */
export function cutToBytes(text: string, maxBytes = MAX_VALUE_BYTES): string {
  if (Buffer.byteLength(text, 'utf8') <= maxBytes) return text;
  let out = '';
  for (const ch of text) {
    if (Buffer.byteLength(out + ch, 'utf8') > maxBytes) break;
    out += ch;
  }
  return out;
}
