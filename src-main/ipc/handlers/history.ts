import type { HistoryService } from '../../history';
import type { Handlers } from '../dispatch';

/** `history:query` and `history:export`: the local database only, so they answer the same with the network off. */
export function historyHandlers(history: HistoryService): Pick<Handlers, 'history:query' | 'history:export'> {
  return {
    'history:query': (input) => history.query(input),
    'history:export': (input) => history.export(input),
  };
}
