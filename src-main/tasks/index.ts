export { createTaskService, countTasksForAccount, storageReferences, type TaskAccountAccess, type TaskService, type TaskServiceDeps, type TaskStartInput } from './task-service';
export { PresetStore } from './presets';
export { buildPreview, toCurl } from './preview';
export type { RecoveryReport } from './recovery';
