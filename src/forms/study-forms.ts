import { builtinForm } from './builtin/index.js';
import type { FormDefinition } from './form-schema.js';

/** What of a protocol says which forms a study has: its own (`forms`), beside the built-in ones. */
export interface ProtocolForms {
  readonly forms?: readonly FormDefinition[] | undefined;
}

/**
 * The form `id` as a study defines it: the protocol's own form of that id first (a study may define
 * its own version of a built-in form), else the built-in form; undefined when neither exists.
 */
export function studyForm(protocol: ProtocolForms, id: string): FormDefinition | undefined {
  return protocol.forms?.find((f) => f.id === id) ?? builtinForm(id);
}

export function isStudyFormId(protocol: ProtocolForms, id: string): boolean {
  return studyForm(protocol, id) !== undefined;
}
