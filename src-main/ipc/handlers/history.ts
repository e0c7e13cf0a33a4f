import type { HistoryService } from '../../history';
import type { Handlers } from '../dispatch';

/**
 * `history:query` and the streamed exports: the local database only, so they answer the same with
 * the network off.
 */
export function historyHandlers(history: HistoryService): Pick<Handlers, 'history:query' | 'history:export' | 'history:exportCancel' | 'history:exportDownload'> {
  return {
    'history:query': (input) => history.query(input),
    'history:export': (input) => history.export(input),
    'history:exportCancel': (input) => history.cancelExport(input.id),
    'history:exportDownload': (input) => history.exportDownload(input.id),
  };
}
