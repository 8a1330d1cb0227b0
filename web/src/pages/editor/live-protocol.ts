/** The messages between the editor page and its validation worker (plain, cloneable data). */
import type { Lang } from '../../../../src/platform/api/types';
import type { LiveResult } from './live-check';

type Files = Readonly<Record<string, string>>;

export type WorkerRequest =
  | { readonly type: 'saved'; readonly files: Files }
  | { readonly type: 'check'; readonly id: number; readonly files: Files; readonly lang: Lang };

export type WorkerAnswer =
  | { readonly id: number; readonly result: LiveResult }
  | { readonly id: number; readonly error: string };
