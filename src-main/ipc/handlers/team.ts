import type { TeamService } from '../../team';
import type { Handlers } from '../dispatch';

/**
 * Team mode: `team:status` (`{ connected, deskId, deskName, desks, leases, pending, … }`), `team:test`
 * (a specific diagnosis, nothing changed anywhere), `team:join` (refused with that diagnosis, nothing
 * changed here), `team:leave` and `team:setDeskName`. The server's password goes in, never out.
 */
export function teamHandlers(team: TeamService): Pick<Handlers, 'team:status' | 'team:test' | 'team:join' | 'team:leave' | 'team:setDeskName'> {
  return {
    'team:status': () => team.status(),
    'team:test': (input) => team.test(input),
    'team:join': (input) => team.join(input),
    'team:leave': () => team.leave(),
    'team:setDeskName': (input) => team.setDeskName(input.name),
  };
}
