import { customType, date, timestamp } from 'drizzle-orm/pg-core';

/**
 * Column kinds as both drivers return them (see store/db.ts): dates stay 'YYYY-MM-DD' strings,
 * timestamps come back as Date.
 */
export const day = (name: string) => date(name, { mode: 'string' });
export const instant = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' });

/** bytea as bytes (pg-core has no bytea column; both drivers return a Uint8Array). */
export const bytes = customType<{ data: Uint8Array }>({ dataType: () => 'bytea' });
