import pg from 'pg';

/**
 * PostgreSQL `date` and `date[]` values stay `YYYY-MM-DD` text. node-postgres parses both into
 * JavaScript `Date`s at local midnight by default, and arrays have their own parser: a `Date`
 * compared with a `YYYY-MM-DD` string compares as text and silently answers nonsense (an
 * extension request after the deadline in force passed that way). Set once for the process, for
 * TypeORM and for raw queries alike, before any pool is made.
 */
// Array type ids are not among pg's typed builtins.
const DATE_ARRAY_OID = 1182 as (typeof pg.types.builtins)[keyof typeof pg.types.builtins];
const TEXT_ARRAY_OID = 1009 as (typeof pg.types.builtins)[keyof typeof pg.types.builtins];

pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
pg.types.setTypeParser(DATE_ARRAY_OID, pg.types.getTypeParser(TEXT_ARRAY_OID));
