export { createTaskService, countTasksForAccount, storageReferences, type TaskService, type TaskServiceDeps } from './task-service';
