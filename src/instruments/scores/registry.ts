import { AppError } from '../../errors/app-error.js';
import type { FormDefinition } from '../../forms/definition.js';
import { alsaq40, alsaq40Form, scoreAlsaq40 } from './alsaq-40.js';
import { alsfrsR, alsfrsRForm, scoreAlsfrsR } from './alsfrs-r.js';
import { basdai, basdaiForm, scoreBasdai } from './basdai.js';
import { essdai, essdaiForm, scoreEssdai } from './essdai.js';
import type { InstrumentDefinition, InstrumentId, InstrumentScore, ItemValues } from './instrument.js';
import { instrumentIds } from './instrument.js';
import { mrc, mrcForm, scoreMrc } from './mrc.js';
import { mrs, mrsForm, scoreMrs } from './mrs.js';
import { pga, pgaForm, scorePga } from './pga.js';
import { scoreSledai2k, sledai2k, sledai2kForm } from './sledai-2k.js';
import { validateItems, type ItemIssue } from './validate-items.js';
import { instrumentsErrors } from '../errors.js';

/** Every instrument, as plain serialisable data (CLI list, visit forms, web app). */
export const instruments: readonly InstrumentDefinition[] = [sledai2k, essdai, alsfrsR, mrs, mrc, alsaq40, basdai, pga];

/** Each instrument as a form of the definition language, its scoring as calculated items. */
export const instrumentForms: Readonly<Record<InstrumentId, FormDefinition>> = {
  'sledai-2k': sledai2kForm,
  essdai: essdaiForm,
  'alsfrs-r': alsfrsRForm,
  mrs: mrsForm,
  mrc: mrcForm,
  'alsaq-40': alsaq40Form,
  basdai: basdaiForm,
  pga: pgaForm,
};

const scorers: Readonly<Record<InstrumentId, (values: ItemValues) => InstrumentScore>> = {
  'sledai-2k': scoreSledai2k,
  essdai: scoreEssdai,
  'alsfrs-r': scoreAlsfrsR,
  mrs: scoreMrs,
  mrc: scoreMrc,
  'alsaq-40': scoreAlsaq40,
  basdai: scoreBasdai,
  pga: scorePga,
};

export function isInstrumentId(id: string): id is InstrumentId {
  return (instrumentIds as readonly string[]).includes(id);
}

export function getInstrument(id: string): InstrumentDefinition {
  const def = instruments.find((i) => i.id === id);
  if (!def) {
    throw new AppError(instrumentsErrors.UNKNOWN_INSTRUMENT, `Instrument "${id}" is unknown; use one of ${instrumentIds.join(', ')}.`, 'instrument');
  }
  return def;
}

export function scoreInstrument(id: string, values: ItemValues): InstrumentScore {
  return scorers[getInstrument(id).id](values);
}

export function validateInstrumentItems(id: string, values: ItemValues): ItemIssue[] {
  return validateItems(getInstrument(id), values);
}
