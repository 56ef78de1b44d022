/** At most this many items per page (`first`) of a list, and the default (also a feed's). */
export const MAX_PAGE = 100;
export const DEFAULT_PAGE = 20;
