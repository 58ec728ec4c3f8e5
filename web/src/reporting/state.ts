/**
 * The officer's figures: the form data (network, else the phone's copy), the outbox and its sending. Submissions
 * always go through the outbox: sent at once when there is a network, kept (IndexedDB) and sent when it returns
 * (the `online` event, and a retry every RETRY_MS while anything waits). Each keeps the id made when the officer
 * pressed "submit", so a copy that arrives twice is counted once by the server.
 */
import type { DraftFigures, Figures } from 'domain/figures';
import { ApiError, UnauthorizedError } from '../api/client';
import { fetchForms, postSubmission, putDraft, type FormAnswer } from './api';
import * as store from './store';
import type { OutboxItem } from './store';

export const RETRY_MS = 15_000;

export interface FiguresState {
  username: string | null;
  answer: FormAnswer | null;
  source: 'network' | 'cache' | null;
  savedAt: string | null;
  loadFailed: boolean;
  outbox: OutboxItem[];
  /** When the last outbox item reached the server (for "sent" feedback). */
  lastSentAt: string | null;
}

let state: FiguresState = { username: null, answer: null, source: null, savedAt: null, loadFailed: false, outbox: [], lastSentAt: null };
const listeners = new Set<() => void>();
let flushing: Promise<void> | null = null;
let timer: ReturnType<typeof setInterval> | null = null;

export const getFiguresState = () => state;
export function subscribeFigures(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}
function set(patch: Partial<FiguresState>) {
  state = { ...state, ...patch };
  listeners.forEach((l) => l());
}
const refreshOutbox = async () => state.username && set({ outbox: await store.outbox(state.username) });

/** Starts the officer's figures for a user: cached data first, then the network, then whatever waits to be sent. */
export function startFigures(username: string): void {
  if (state.username === username) return;
  state = { ...state, username };
  void (async () => {
    const cached = await store.readForms(username).catch(() => undefined);
    if (cached && !state.answer) set({ answer: cached.answer, source: 'cache', savedAt: cached.savedAt });
    // A send cut off by a closed page is sent again (the server counts its id once).
    for (const item of await store.outbox(username)) if (item.state === 'sending') await store.putOutbox({ ...item, state: 'queued' });
    await refreshOutbox();
    await loadForms();
    void flush();
  })();
  window.addEventListener('online', () => void flush());
  timer ??= setInterval(() => {
    if (state.outbox.some((o) => o.state === 'queued')) void flush();
  }, RETRY_MS);
}

export async function loadForms(): Promise<void> {
  const username = state.username;
  if (!username) return;
  try {
    const answer = await fetchForms();
    const savedAt = await store.saveForms(username, answer);
    set({ answer, source: 'network', savedAt, loadFailed: false });
  } catch (e) {
    if (e instanceof UnauthorizedError) return;
    set({ loadFailed: true, source: state.answer ? 'cache' : null });
  }
}

/** Saves a draft on the phone at once, and on the server when there is a network. */
export async function saveDraft(grid: string, month: string, baseVersion: number, figures: DraftFigures): Promise<'server' | 'phone'> {
  const username = state.username!;
  await store.saveLocalDraft({ key: store.draftKey(username, grid, month), figures, baseVersion, savedAt: new Date().toISOString() });
  try {
    await putDraft(grid, month, baseVersion, figures);
    return 'server';
  } catch {
    return 'phone';
  }
}

export async function submit(s: { submissionId: string; gridCode: string; month: string; baseVersion: number; figures: Figures; confirmWarnings: boolean }): Promise<void> {
  const username = state.username!;
  await store.enqueue({ ...s, username, queuedAt: new Date().toISOString(), state: 'queued', attempts: 0 });
  await refreshOutbox();
  await flush();
}

/** Sends what waits, one at a time; a second call while sending waits for the same round. */
export function flush(): Promise<void> {
  flushing ??= (async () => {
    try {
      for (const item of await store.outbox(state.username ?? '')) {
        if (item.state !== 'queued') continue;
        if (!(await sendOne(item))) break; // no network: try the rest later
      }
    } finally {
      flushing = null;
      await refreshOutbox();
    }
  })();
  return flushing;
}

/** False when the network or the server is not there (the item stays queued). */
async function sendOne(item: OutboxItem): Promise<boolean> {
  await store.putOutbox({ ...item, state: 'sending', attempts: item.attempts + 1 });
  try {
    await postSubmission(item);
    await store.removeOutbox(item.submissionId);
    await store.dropLocalDraft(store.draftKey(item.username, item.gridCode, item.month));
    set({ lastSentAt: new Date().toISOString() });
    await loadForms();
    return true;
  } catch (e) {
    const p = e instanceof ApiError ? e.problem : undefined;
    if (e instanceof ApiError && e.status === 409 && p?.current) {
      await store.putOutbox({ ...item, state: 'conflict', conflict: p.current as OutboxItem['conflict'] });
      return true;
    }
    if (e instanceof ApiError && !(e instanceof UnauthorizedError) && e.status >= 400 && e.status < 500 && e.status !== 408 && e.status !== 429) {
      await store.putOutbox({ ...item, state: 'refused', problem: { detail: String(p?.detail ?? e.detail ?? e.title), detailZh: String(p?.detail_zh ?? p?.detail ?? e.title), param: p?.param as string | undefined } });
      return true;
    }
    await store.putOutbox({ ...item, state: 'queued', attempts: item.attempts + 1 });
    return false;
  }
}

/** After a conflict: send mine again against the office's version, or keep the office's figures. */
export async function resolveConflict(item: OutboxItem, keep: 'mine' | 'theirs'): Promise<void> {
  await store.removeOutbox(item.submissionId);
  if (keep === 'mine' && item.conflict) {
    const { conflict: _c, problem: _p, ...rest } = item;
    await store.enqueue({ ...rest, submissionId: crypto.randomUUID(), baseVersion: item.conflict.version, state: 'queued', attempts: 0, queuedAt: new Date().toISOString() });
  }
  await refreshOutbox();
  await loadForms();
  if (keep === 'mine') await flush();
}

/** A refused item the officer has read: gone from the outbox (the form still holds the figures to correct). */
export async function dismiss(item: OutboxItem): Promise<void> {
  await store.removeOutbox(item.submissionId);
  await refreshOutbox();
}

export const readLocalDraft = (grid: string, month: string) => (state.username ? store.readLocalDraft(store.draftKey(state.username, grid, month)) : Promise.resolve(undefined));
