import type { kk } from './kk.ts';

type Words<T> = { readonly [K in keyof T]: T[K] extends string ? string : Words<T[K]> };

/** Every dictionary has exactly the Kazakh one's keys: a key missing or extra in ru or en fails the type check. */
export type Messages = Words<typeof kk>;
