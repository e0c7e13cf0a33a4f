import { issuesToFieldErrors, type AppError, type FieldErrors, type FormField, type Result } from '@contract';
import { computed, ref, type ComputedRef, type Ref } from 'vue';
import type { z } from 'zod';
import { buildInput } from './form-values';
import { fieldErrorsOf } from './use-localized';

/** A descriptor-driven form: values, validation as you type (shown once a field is touched), submit. */
export interface EntityForm<T> {
  fields: ComputedRef<readonly FormField[]>;
  values: Ref<Record<string, unknown>>;
  errors: ComputedRef<FieldErrors>;
  saving: Ref<boolean>;
  failure: Ref<AppError | null>;
  update(key: string, value: unknown): void;
  touch(key: string): void;
  submit(): Promise<T | null>;
}

/**
 * `schema` is the same zod schema the core validates with, so the messages the operator sees while
 * typing are the ones the core would answer. Core-side field errors (duplicate names) merge in.
 */
export function useEntityForm<T>(options: {
  /** The fields to draw for the current values (a storage target's follow its provider). */
  fields: (values: Record<string, unknown>) => readonly FormField[];
  initial: Record<string, unknown>;
  schema: z.ZodType;
  /** Extra input the form does not draw (the vendor). */
  extra: Record<string, unknown>;
  withSecrets: boolean;
  send: (input: Record<string, unknown>) => Promise<Result<T>>;
}): EntityForm<T> {
  const values = ref<Record<string, unknown>>({ ...options.initial });
  const fields = computed(() => options.fields(values.value));
  const touched = ref(new Set<string>());
  const submitted = ref(false);
  const serverErrors = ref<FieldErrors>({});
  const saving = ref(false);
  const failure = ref<AppError | null>(null);

  const input = (): Record<string, unknown> => ({ ...options.extra, ...buildInput(fields.value, values.value, options.withSecrets) });
  const localErrors = computed<FieldErrors>(() => {
    const parsed = options.schema.safeParse(input());
    return parsed.success ? {} : issuesToFieldErrors(parsed.error.issues);
  });
  const errors = computed<FieldErrors>(() => {
    const shown: FieldErrors = {};
    for (const [key, text] of Object.entries(localErrors.value)) if (submitted.value || touched.value.has(key)) shown[key] = text;
    return { ...shown, ...serverErrors.value };
  });

  return {
    fields,
    values,
    errors,
    saving,
    failure,
    update(key, value) {
      values.value = { ...values.value, [key]: value };
      delete serverErrors.value[key];
    },
    touch(key) {
      touched.value = new Set(touched.value).add(key);
    },
    async submit() {
      submitted.value = true;
      failure.value = null;
      if (Object.keys(localErrors.value).length > 0) return null;
      saving.value = true;
      const result = await options.send(input());
      saving.value = false;
      if (result.ok) return result.value;
      serverErrors.value = fieldErrorsOf(result.error) ?? {};
      if (Object.keys(serverErrors.value).length === 0) failure.value = result.error;
      return null;
    },
  };
}
