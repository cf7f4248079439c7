import { AppError } from '../../errors/app-error.js';
import { parseProtocol } from '../parse-protocol.js';
import type { Protocol } from '../schema.js';
import { aeIl2 } from './ae-il2.js';
import { alsIl2 } from './als-il2.js';
import { sleIl2 } from './sle-il2.js';
import { ssIl2 } from './ss-il2.js';
import { protocolErrors } from '../errors.js';

/** The four seed trials, validated once at load (a broken built-in fails every test at import). */
export const builtinProtocols: readonly Protocol[] = [ssIl2, sleIl2, alsIl2, aeIl2].map((p) => parseProtocol(p));

export function getBuiltinProtocol(id: string): Protocol {
  const protocol = builtinProtocols.find((p) => p.id === id);
  if (!protocol) {
    const known = builtinProtocols.map((p) => p.id).join(', ');
    throw new AppError(protocolErrors.UNKNOWN_PROTOCOL, `There is no built-in protocol "${id}"; the known ids are ${known}.`, 'id');
  }
  return protocol;
}
