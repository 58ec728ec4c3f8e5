/**
 * The phone's own copy (IndexedDB, through `idb`): the last form answer per user (to work with no network), the
 * officer's drafts, and the outbox of submissions waiting for the network. Everything survives a reload or a
 * closed browser; nothing here is lost by signing out (unsent figures stay until sent).
 */
import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import type { DraftFigures, FigureWarning } from 'domain/figures';
import type { FormAnswer, Submission } from './api';

export type OutboxState = 'queued' | 'sending' | 'conflict' | 'refused';

export interface OutboxItem extends Submission {
  username: string;
  queuedAt: string;
  state: OutboxState;
  attempts: number;
  /** Set on a 409: the office's figures now on file, to show beside the officer's. */
  conflict?: { figures: Submission['figures']; version: number; source: string; updatedAt: string | null };
  /** Set on a refusal the phone could not foresee (e.g. the grid was reassigned): the server's words. */
  problem?: { detail: string; detailZh: string; param?: string };
  warnings?: FigureWarning[];
}

export interface DraftRecord {
  key: string;
  figures: DraftFigures;
  baseVersion: number;
  savedAt: string;
}

interface FiguresDb extends DBSchema {
  forms: { key: string; value: { username: string; savedAt: string; answer: FormAnswer } };
  drafts: { key: string; value: DraftRecord };
  outbox: { key: string; value: OutboxItem; indexes: { byUser: string } };
}

let dbPromise: Promise<IDBPDatabase<FiguresDb>> | null = null;
function db() {
  dbPromise ??= openDB<FiguresDb>('gc-officer-figures', 1, {
    upgrade(d) {
      d.createObjectStore('forms', { keyPath: 'username' });
      d.createObjectStore('drafts', { keyPath: 'key' });
      d.createObjectStore('outbox', { keyPath: 'submissionId' }).createIndex('byUser', 'username');
    },
  });
  return dbPromise;
}

export const draftKey = (username: string, grid: string, month: string) => `${username}/${grid}/${month}`;

export async function saveForms(username: string, answer: FormAnswer): Promise<string> {
  const savedAt = new Date().toISOString();
  await (await db()).put('forms', { username, savedAt, answer });
  return savedAt;
}
export const readForms = async (username: string) => (await db()).get('forms', username);

export async function saveLocalDraft(d: DraftRecord): Promise<void> {
  await (await db()).put('drafts', d);
}
export const readLocalDraft = async (key: string) => (await db()).get('drafts', key);
export async function dropLocalDraft(key: string): Promise<void> {
  await (await db()).delete('drafts', key);
}

/**
 * Queues a submission. One per grid and month: a newer form replaces an unsent older one (the office gets the
 * officer's last word, not two reports); the same form pressed twice keeps its one id and one entry.
 */
export async function enqueue(item: OutboxItem): Promise<void> {
  const d = await db();
  const tx = d.transaction('outbox', 'readwrite');
  for (const old of await tx.store.index('byUser').getAll(item.username)) {
    if (old.gridCode === item.gridCode && old.month === item.month && old.submissionId !== item.submissionId && old.state !== 'sending') await tx.store.delete(old.submissionId);
  }
  await tx.store.put(item);
  await tx.done;
}
export const outbox = async (username: string) => (await db()).getAllFromIndex('outbox', 'byUser', username);
export async function putOutbox(item: OutboxItem): Promise<void> {
  await (await db()).put('outbox', item);
}
export async function removeOutbox(id: string): Promise<void> {
  await (await db()).delete('outbox', id);
}
