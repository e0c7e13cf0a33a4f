import { z } from 'zod';
import {
  AccountDeleteInputSchema,
  AccountDeleteOutputSchema,
  AccountsExportSchema,
  AccountsImportInputSchema,
  AccountsImportOutputSchema,
  AccountTestInputSchema,
  AccountTestResultSchema,
  AccountUpdateInputSchema,
  SecretClearInputSchema,
  SecretSetInputSchema,
  SecretStatusInputSchema,
} from './accounts';
import { AppInfoSchema, KeychainStatusSchema, PingedEventSchema, PingInputSchema, PingOutputSchema } from './app';
import type { EventChannel, InvokeChannel } from './channel-names';
import { EmptyInputSchema, FormInputSchema, SecretStatusSchema } from './common';
import { AccountsChangedEventSchema, SchedulerStatusSchema, TaskAlertEventSchema, TasksChangedEventSchema } from './events';
import { ForeignChangedEventSchema, ForeignDismissInputSchema, ForeignIdInputSchema, ForeignTaskSchema, TaskWatchInputSchema, TaskWatchSchema } from './foreign-tasks';
import {
  HistoryExportDownloadSchema,
  HistoryExportIdInputSchema,
  HistoryExportInputSchema,
  HistoryExportJobSchema,
  HistoryPageSchema,
  HistoryQuerySchema,
} from './history';
import { PresetSaveInputSchema, PresetSchema } from './presets';
import { SandboxControlInputSchema } from './sandbox';
import { CallbackStatusSchema, CoreSettingsSchema } from './settings';
import { TeamConnectInputSchema, TeamDeskNameInputSchema, TeamStatusSchema, TeamTestResultSchema } from './team';
import { StorageTargetDeleteInputSchema, StorageTargetSchema, StorageTargetUpdateInputSchema } from './storage';
import {
  LegacyImportInputSchema,
  LegacyImportSchema,
  TaskDetailSchema,
  TaskIdInputSchema,
  TaskLayoutInputSchema,
  TaskPreviewInputSchema,
  TaskPreviewSchema,
  SignedCurlInputSchema,
  SignedCurlSchema,
  TaskStartInputSchema,
  TaskSummarySchema,
  TaskWhiteboardInputSchema,
} from './tasks';
import { AccountSchema, VendorDescriptorSchema } from './vendors/contracts';

/** The schemas of one invoke channel. */
export interface ChannelSpec {
  input: z.ZodType;
  output: z.ZodType;
}

/**
 * Input and output schema per invoke channel. Every call takes exactly one object argument so
 * each input is a schema with room to grow. `satisfies` makes a missing or extra channel a type error.
 */
export const INVOKE_SCHEMAS = {
  'app:info': { input: EmptyInputSchema, output: AppInfoSchema },
  'app:ping': { input: PingInputSchema, output: PingOutputSchema },
  'accounts:list': { input: EmptyInputSchema, output: z.array(AccountSchema) },
  'accounts:create': { input: FormInputSchema, output: AccountSchema },
  'accounts:update': { input: AccountUpdateInputSchema, output: AccountSchema },
  'accounts:delete': { input: AccountDeleteInputSchema, output: AccountDeleteOutputSchema },
  'accounts:test': { input: AccountTestInputSchema, output: AccountTestResultSchema },
  'accounts:export': { input: EmptyInputSchema, output: AccountsExportSchema },
  'accounts:import': { input: AccountsImportInputSchema, output: AccountsImportOutputSchema },
  'storage:list': { input: EmptyInputSchema, output: z.array(StorageTargetSchema) },
  'storage:create': { input: FormInputSchema, output: StorageTargetSchema },
  'storage:update': { input: StorageTargetUpdateInputSchema, output: StorageTargetSchema },
  'storage:delete': { input: StorageTargetDeleteInputSchema, output: z.object({ deleted: z.literal(true) }) },
  'secrets:set': { input: SecretSetInputSchema, output: SecretStatusSchema },
  'secrets:clear': { input: SecretClearInputSchema, output: SecretStatusSchema },
  'secrets:status': { input: SecretStatusInputSchema, output: z.array(SecretStatusSchema) },
  'vendors:list': { input: EmptyInputSchema, output: z.array(VendorDescriptorSchema) },
  'tasks:start': { input: TaskStartInputSchema, output: TaskSummarySchema },
  'tasks:stop': { input: TaskIdInputSchema, output: TaskSummarySchema },
  'tasks:pause': { input: TaskIdInputSchema, output: TaskSummarySchema },
  'tasks:resume': { input: TaskIdInputSchema, output: TaskSummarySchema },
  'tasks:updateLayout': { input: TaskLayoutInputSchema, output: TaskSummarySchema },
  'tasks:updateWhiteboard': { input: TaskWhiteboardInputSchema, output: TaskSummarySchema },
  'tasks:snapshot': { input: TaskIdInputSchema, output: TaskSummarySchema },
  'tasks:refresh': { input: TaskIdInputSchema, output: TaskSummarySchema },
  'tasks:active': { input: EmptyInputSchema, output: z.array(TaskSummarySchema) },
  'tasks:get': { input: TaskIdInputSchema, output: TaskDetailSchema },
  'tasks:preview': { input: TaskPreviewInputSchema, output: TaskPreviewSchema },
  'tasks:signedCurl': { input: SignedCurlInputSchema, output: SignedCurlSchema },
  'tasks:importLegacy': { input: LegacyImportInputSchema, output: LegacyImportSchema },
  'tasks:watch': { input: TaskWatchInputSchema, output: TaskWatchSchema },
  'foreign:list': { input: EmptyInputSchema, output: z.array(ForeignTaskSchema) },
  'foreign:adopt': { input: ForeignIdInputSchema, output: TaskSummarySchema },
  'foreign:dismiss': { input: ForeignDismissInputSchema, output: ForeignTaskSchema },
  'presets:list': { input: EmptyInputSchema, output: z.array(PresetSchema) },
  'presets:save': { input: PresetSaveInputSchema, output: PresetSchema },
  'presets:delete': { input: TaskIdInputSchema, output: z.object({ deleted: z.literal(true) }) },
  'history:query': { input: HistoryQuerySchema, output: HistoryPageSchema },
  'history:export': { input: HistoryExportInputSchema, output: HistoryExportJobSchema },
  'history:exportCancel': { input: HistoryExportIdInputSchema, output: HistoryExportJobSchema },
  'history:exportDownload': { input: HistoryExportIdInputSchema, output: HistoryExportDownloadSchema },
  'settings:get': { input: EmptyInputSchema, output: CoreSettingsSchema },
  'settings:set': { input: CoreSettingsSchema.partial().strict(), output: CoreSettingsSchema },
  'scheduler:status': { input: EmptyInputSchema, output: SchedulerStatusSchema },
  'callbacks:status': { input: EmptyInputSchema, output: CallbackStatusSchema },
  'sandbox:control': { input: SandboxControlInputSchema, output: z.unknown() },
  'team:status': { input: EmptyInputSchema, output: TeamStatusSchema },
  'team:test': { input: TeamConnectInputSchema, output: TeamTestResultSchema },
  'team:join': { input: TeamConnectInputSchema, output: TeamStatusSchema },
  'team:leave': { input: EmptyInputSchema, output: TeamStatusSchema },
  'team:setDeskName': { input: TeamDeskNameInputSchema, output: TeamStatusSchema },
} as const satisfies Record<InvokeChannel, ChannelSpec>;

/** Payload schema per event channel. */
export const EVENT_SCHEMAS = {
  'app:pinged': PingedEventSchema,
  'app:keychainChanged': KeychainStatusSchema,
  'accounts:changed': AccountsChangedEventSchema,
  'tasks:changed': TasksChangedEventSchema,
  'tasks:alerted': TaskAlertEventSchema,
  'foreign:changed': ForeignChangedEventSchema,
  'history:exportChanged': HistoryExportJobSchema,
  'scheduler:changed': SchedulerStatusSchema,
  'team:changed': TeamStatusSchema,
} as const satisfies Record<EventChannel, z.ZodType>;

/** Parsed input type of channel `C`. */
export type InputOf<C extends InvokeChannel> = z.infer<(typeof INVOKE_SCHEMAS)[C]['input']>;
/** Input type of channel `C` as a caller may write it (defaults optional). */
export type RawInputOf<C extends InvokeChannel> = z.input<(typeof INVOKE_SCHEMAS)[C]['input']>;
/** Output type of channel `C`. */
export type OutputOf<C extends InvokeChannel> = z.infer<(typeof INVOKE_SCHEMAS)[C]['output']>;
/** Payload type of event `E`. */
export type PayloadOf<E extends EventChannel> = z.infer<(typeof EVENT_SCHEMAS)[E]>;
