/** The HTTP statuses a catalogued error may be answered with. */
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 422 | 429 | 500 | 503;

/** One catalogued error: its namespaced code, the HTTP status it is answered with, what it means. */
export interface ErrorEntry<C extends string = string> {
  readonly code: C;
  readonly status: ErrorStatus;
  readonly doc: string;
}

type Entries<A extends string, T extends Record<string, { status: ErrorStatus; doc: string }>> = {
  readonly [K in keyof T & string]: ErrorEntry<`${A}_${K}`>;
};

/**
 * An area's errors, defined once: `defineErrors('PROTOCOL', { UNKNOWN_ARM: { status: 404, doc } })`
 * gives the entry `PROTOCOL_UNKNOWN_ARM`, namespaced as Fastify's `FST_ERR_*` codes are.
 */
export function defineErrors<const A extends string, const T extends Record<string, { status: ErrorStatus; doc: string }>>(area: A, entries: T): Entries<A, T> {
  return Object.fromEntries(Object.entries(entries).map(([k, e]) => [k, { code: `${area}_${k}`, status: e.status, doc: e.doc }])) as Entries<A, T>;
}

/** The entry of an area whose code a validation issue carries (issues name their code, throws need the entry). */
export function entryByCode<E extends ErrorEntry>(entries: Readonly<Record<string, E>>, code: E['code']): E {
  const entry = Object.values(entries).find((e) => e.code === code);
  if (!entry) throw new Error(`No catalogued error has the code ${code}.`);
  return entry;
}
