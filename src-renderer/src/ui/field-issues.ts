import type { FieldIssue } from '@contract';
import type { InjectionKey } from 'vue';

/** What a form provides to its FieldItems: the issues to show at a field path right now. */
export const FIELD_ISSUES: InjectionKey<(path: string) => FieldIssue[]> = Symbol('field-issues');

/** What a form may provide to learn its fields' labels by path (FieldItems fill it), to name a field elsewhere. */
export const FIELD_LABELS: InjectionKey<Map<string, string>> = Symbol('field-labels');
