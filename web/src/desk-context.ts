import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { DeskClient } from './api/client.ts';
import type { DeskUser } from './auth/session.ts';

export interface Desk {
  readonly client: DeskClient;
  /** Where the API is: a local upload URL is a path on it. */
  readonly apiUrl: string;
  /** Null for the public: no sign-in. */
  readonly user: DeskUser | null;
}

export const DeskContext = createContext<Desk | null>(null);

export function useDesk(): Desk {
  const desk = useContext(DeskContext);
  if (desk === null) throw new Error('a page rendered outside the desk');
  return desk;
}
