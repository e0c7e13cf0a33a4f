import { RecordingRequestSchema, VENDOR_IDS, type AppError, type FieldIssue, type LegacyImport, type Preset, type RawInputOf, type RecordingRequest, type SignedCurl, type TaskPreview, type TaskSummary, type VendorId } from '@contract';
import { defineStore } from 'pinia';
import { computed, ref, watch } from 'vue';
import { call } from '../../../bridge';
import {
  cloneRequest,
  defaultMix,
  defaultRequest,
  defaultWhiteboard,
  emptyRequest,
  issuesAt,
  schemaIssues,
  showsField,
  storageShape,
  usableStorage,
} from '../model/recording-request';
import { descriptorOf } from '../../../vendors/descriptors';
import { validateFor } from '../../../vendors/validate';
import { useAccountsStore } from '../../accounts/stores/accounts';
import { usePresetsStore } from './presets';

/**
 * The New-recording form: which account, the normalized request being edited, its problems (the
 * contract's schema and the vendor's own validator), the preview and
 * the start. The request survives leaving the view, so an operator who checks Live comes back to it.
 */
export const useRecordingFormStore = defineStore('recording-form', () => {
  const accounts = useAccountsStore();
  const presets = usePresetsStore();

  const accountId = ref<string | null>(null);
  const presetId = ref<string | null>(null);
  const request = ref<RecordingRequest>(emptyRequest());
  const touched = ref(new Set<string>());
  const attempted = ref(false);

  const account = computed(() => accounts.accounts.find((a) => a.id === accountId.value) ?? null);
  const vendor = computed(() => account.value?.vendor ?? null);
  const descriptor = computed(() => descriptorOf(vendor.value));
  const storageOptions = computed(() => (descriptor.value ? usableStorage(descriptor.value, accounts.storage) : []));
  const storageTarget = computed(() => accounts.storage.find((s) => s.id === request.value.storageTargetId) ?? null);
  const shows = (path: string): boolean => showsField(descriptor.value, path);
  const canImportLegacy = computed(() => descriptor.value?.capabilities.legacyImport === true);

  /** Every problem with the request now, blocking or not. */
  const issues = computed<FieldIssue[]>(() => {
    const v = vendor.value;
    if (!v) return [];
    // The vendor's rules run even while the shape is incomplete (no room id yet), so every field
    // the operator touched shows its message at once.
    const parsed = RecordingRequestSchema.safeParse(request.value);
    const shape = parsed.success ? [] : schemaIssues(parsed.error.issues);
    const rules = validateFor(v, parsed.success ? parsed.data : request.value, storageShape(storageTarget.value));
    return [...shape, ...rules.filter((r) => !shape.some((s) => s.path === r.path))];
  });
  const errors = computed(() => issues.value.filter((i) => i.severity === 'error'));
  const serverIssues = ref<FieldIssue[]>([]);

  /** Issues to show at a field: once it was edited, or after a start was tried. */
  function shownAt(path: string): FieldIssue[] {
    const own = attempted.value || touched.value.has(path) || [...touched.value].some((t) => path.startsWith(`${t}.`) || path.startsWith(`${t}[`));
    return [...issuesAt(serverIssues.value, path), ...(own ? issuesAt(issues.value, path) : [])];
  }
  function touch(path: string): void {
    if (!touched.value.has(path)) touched.value = new Set(touched.value).add(path);
  }

  // ── the start key: one per submission; a changed request is a new submission ──
  const startKey = ref<string | null>(null);
  const starting = ref(false);
  const failure = ref<AppError | null>(null);
  watch(
    [request, accountId],
    () => {
      if (!starting.value) startKey.value = null;
      serverIssues.value = [];
    },
    { deep: true },
  );

  function setAccount(id: string | null): void {
    const before = vendor.value;
    accountId.value = id;
    if (descriptor.value && vendor.value !== before) {
      const roomId = request.value.roomId;
      request.value = { ...defaultRequest(descriptor.value, accounts.storage), roomId };
      presetId.value = null;
    }
  }

  /** Picks the first account when none is chosen (the Sandbox accounts exist from the first launch). */
  function ensureAccount(): void {
    if (account.value) return;
    const first = [...accounts.accounts].sort((a, b) => VENDOR_IDS.indexOf(a.vendor) - VENDOR_IDS.indexOf(b.vendor))[0];
    if (first) setAccount(first.id);
  }

  function setMode(mode: RecordingRequest['mode']): void {
    const next = { ...request.value, mode };
    if (mode === 'mixed' && !next.mix && descriptor.value) next.mix = defaultMix(descriptor.value, next.roomId);
    if (mode === 'single') next.mix = null;
    request.value = next;
    touch('mode');
  }

  function setWhiteboard(on: boolean): void {
    request.value = { ...request.value, whiteboard: on ? (request.value.whiteboard ?? defaultWhiteboard()) : null };
    touch('whiteboard');
  }

  function load(source: RecordingRequest, options: { accountId: string | null; vendor: VendorId; presetId: string | null }): void {
    const own = options.accountId ? accounts.accounts.find((a) => a.id === options.accountId) : undefined;
    const sameVendor = account.value?.vendor === options.vendor ? account.value : accounts.accounts.find((a) => a.vendor === options.vendor);
    accountId.value = (own ?? sameVendor)?.id ?? accountId.value;
    const parsed = RecordingRequestSchema.safeParse(source);
    request.value = cloneRequest(parsed.success ? parsed.data : source);
    presetId.value = options.presetId;
    touched.value = new Set();
    attempted.value = false;
    failure.value = null;
  }

  function loadPreset(preset: Preset): void {
    load(preset.request, { accountId: preset.accountId, vendor: preset.vendor, presetId: preset.id });
  }

  /** Loads a past task's request (Clone): the same room and settings, a new start. */
  async function loadFromTask(id: string): Promise<{ roomId: string } | { error: AppError }> {
    const r = await call('tasks:get', { id });
    if (!r.ok) return { error: r.error };
    const req = { ...r.value.request, storageTargetId: r.value.storageTargetId ?? r.value.request.storageTargetId };
    load(req, { accountId: r.value.task.accountId, vendor: r.value.task.vendor, presetId: null });
    return { roomId: req.roomId };
  }

  /**
   * Converts a pasted legacy start body of the current vendor into the form's request. Fields with no
   * place in the request and secrets removed from the paste come back for the operator to read.
   */
  async function importLegacy(text: string): Promise<{ result: LegacyImport } | { error: AppError }> {
    const v = vendor.value;
    if (!v) return { error: { code: 'VALIDATION', message: 'No account' } };
    // Only vendors whose UI offers a legacy import get here; the core refuses any other.
    const r = await call('tasks:importLegacy', { vendor: v, text } as RawInputOf<'tasks:importLegacy'>);
    if (!r.ok) return { error: r.error };
    load(r.value.request as RecordingRequest, { accountId: accountId.value, vendor: v, presetId: null });
    return { result: r.value };
  }

  function reset(): void {
    if (!descriptor.value) return;
    request.value = defaultRequest(descriptor.value, accounts.storage);
    presetId.value = null;
    touched.value = new Set();
    attempted.value = false;
    failure.value = null;
  }

  async function savePreset(name: string): Promise<{ preset: Preset } | { error: AppError }> {
    if (!vendor.value) return { error: { code: 'VALIDATION', message: 'No account' } };
    const same = presets.list.find((p) => p.vendor === vendor.value && p.name.trim().toLowerCase() === name.trim().toLowerCase());
    const saved = await presets.save({ id: same?.id, name: name.trim(), vendor: vendor.value, accountId: accountId.value, request: request.value });
    if ('preset' in saved) presetId.value = saved.preset.id;
    return saved;
  }

  /** The account and the request the form would send, or what must be filled in before there is one. */
  function toSend(): { input: RawInputOf<'tasks:preview'> } | { error: AppError } | { blocked: FieldIssue[] } {
    if (!accountId.value) return { error: { code: 'VALIDATION', message: 'No account' } };
    const parsed = RecordingRequestSchema.safeParse(request.value);
    if (!parsed.success) return { blocked: schemaIssues(parsed.error.issues) };
    return { input: { accountId: accountId.value, request: parsed.data } };
  }

  /** The request as the core would send it; `blocked` lists what must be filled in before there is one to show. */
  async function preview(): Promise<{ preview: TaskPreview } | { error: AppError } | { blocked: FieldIssue[] }> {
    const send = toSend();
    if (!('input' in send)) return send;
    const r = await call('tasks:preview', send.input);
    return r.ok ? { preview: r.value } : { error: r.error };
  }

  /**
   * The start signed now in the core, runnable until the vendor's window closes; storage keys in the
   * body stay masked for the operator to paste. Only for vendors whose signature names no secret.
   */
  async function signedCurl(): Promise<{ signed: SignedCurl } | { error: AppError } | { blocked: FieldIssue[] }> {
    const send = toSend();
    if (!('input' in send)) return send;
    const r = await call('tasks:signedCurl', send.input);
    return r.ok ? { signed: r.value } : { error: r.error };
  }

  /**
   * Starts the recording once: the key is made on the first click of this submission and reused
   * if the operator clicks again, so the core starts at most one task for it.
   */
  /**
   * The operator left the form: a start after coming back is a new submission, even of the same
   * request. A start still in flight already sent its key.
   */
  function leave(): void {
    startKey.value = null;
  }

  async function start(): Promise<TaskSummary | null> {
    attempted.value = true;
    failure.value = null;
    if (starting.value || !accountId.value || errors.value.length > 0) return null;
    startKey.value ??= crypto.randomUUID();
    starting.value = true;
    const r = await call('tasks:start', { accountId: accountId.value, request: request.value, presetId: presetId.value, startKey: startKey.value });
    starting.value = false;
    if (r.ok) {
      // The key stays until the request changes or the view is left: a second click that lands
      // before the navigation is the same submission and gets the same task back.
      attempted.value = false;
      touched.value = new Set();
      return r.value;
    }
    const fromCore = r.error.details?.issues;
    serverIssues.value = Array.isArray(fromCore) ? (fromCore as FieldIssue[]) : [];
    failure.value = r.error;
    return null;
  }

  return {
    accountId,
    presetId,
    request,
    touched,
    attempted,
    account,
    vendor,
    descriptor,
    storageOptions,
    storageTarget,
    issues,
    errors,
    serverIssues,
    starting,
    startKey,
    failure,
    shows,
    canImportLegacy,
    shownAt,
    touch,
    setAccount,
    ensureAccount,
    setMode,
    setWhiteboard,
    load,
    loadPreset,
    loadFromTask,
    importLegacy,
    reset,
    savePreset,
    preview,
    signedCurl,
    start,
    leave,
  };
});
