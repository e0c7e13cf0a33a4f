import type { FieldIssue } from '@contract';
import type { InjectionKey } from 'vue';

/** What a form provides to its FieldItems: the issues to show at a field path right now. */
export const FIELD_ISSUES: InjectionKey<(path: string) => FieldIssue[]> = Symbol('field-issues');
