import type { InspectedExchange } from '@contract';

/** What the request inspector leaves out: status reads and task lists (polls), or everything that went well. */
export interface InspectorFilter {
  hidePolls: boolean;
  errorsOnly: boolean;
}

/** Whether the vendor refused the exchange or no good answer came. */
export function failed(x: InspectedExchange): boolean {
  return x.errorCode !== null || (x.httpStatus !== null && x.httpStatus >= 400);
}

/** The exchanges to show, newest first. */
export function inspectorRows(exchanges: readonly InspectedExchange[], filter: InspectorFilter): InspectedExchange[] {
  return exchanges.filter((x) => (!filter.hidePolls || !x.read) && (!filter.errorsOnly || failed(x))).sort((a, b) => b.at - a.at || b.id - a.id);
}
