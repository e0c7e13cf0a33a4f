export { createTaskService, countTasksForAccount, storageReferences, mergeState, type TaskAccountAccess, type TaskService, type TaskServiceDeps, type TaskStartInput } from './task-service';
export { TaskLedger, SecretScrubber, isTerminal, OPEN_STATES, type TaskRow } from './ledger';
export { PresetStore } from './presets';
export { buildPreview, toCurl } from './preview';
export type { RecoveryReport } from './recovery';
