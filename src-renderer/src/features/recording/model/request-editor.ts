import type { RecordingRequest } from '@contract';
import { computed, inject, type ComputedRef, type InjectionKey, type Ref } from 'vue';

/** The request's nested sections (objects, not lists) a form part edits field by field. */
export type RequestSection = {
  [K in keyof RecordingRequest]-?: NonNullable<RecordingRequest[K]> extends readonly unknown[] ? never : NonNullable<RecordingRequest[K]> extends object ? K : never;
}[keyof RecordingRequest];

/**
 * How the New-recording sections (and the vendors' own form parts) edit the request: every write
 * replaces the request and marks the field touched, so its messages show.
 */
export interface RequestEditor {
  request: Ref<RecordingRequest>;
  mixed: ComputedRef<boolean>;
  set<K extends keyof RecordingRequest>(key: K, value: RecordingRequest[K], path?: string): void;
  /** Writes one field of a section; a section that is off (no whiteboard) stays off. */
  setIn<S extends RequestSection, K extends keyof NonNullable<RecordingRequest[S]>>(section: S, key: K, value: NonNullable<RecordingRequest[S]>[K]): void;
}

/** Provided by the New-recording view. */
export const REQUEST_EDITOR: InjectionKey<RequestEditor> = Symbol('request-editor');

/** A request editor over the form's request; `touch` marks a field path edited. */
export function createRequestEditor(request: Ref<RecordingRequest>, touch: (path: string) => void): RequestEditor {
  function set<K extends keyof RecordingRequest>(key: K, value: RecordingRequest[K], path: string = key): void {
    request.value = { ...request.value, [key]: value };
    touch(path);
  }
  return {
    request,
    mixed: computed(() => request.value.mode === 'mixed'),
    set,
    setIn(section, key, value) {
      const current = request.value[section];
      if (!current) return;
      set(section, { ...current, [key]: value } as RecordingRequest[typeof section], `${section}.${String(key)}`);
    },
  };
}

/** The request editor of the surrounding form. */
export function useRequestEditor(): RequestEditor {
  const editor = inject(REQUEST_EDITOR);
  if (!editor) throw new Error('useRequestEditor() outside the New-recording form');
  return editor;
}

/** Empty text is "not set". */
export function textOrNull(v: string): string | null {
  return v.trim() === '' ? null : v;
}

/** Number inputs give fractions and null; the request takes whole numbers. */
export function wholeOrNull(v: number | null): number | null {
  return v === null ? null : Math.round(v);
}
