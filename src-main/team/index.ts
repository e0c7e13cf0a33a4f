export { createTeamLimiter, type BudgetSource } from './budget';
export { parseTeamUrl } from './server-link';
export { createTeamService, type TeamPollMode, type TeamService, type TeamServiceDeps } from './team-service';
