import { rateFrom, type RateLane } from '../shared/rate-limiter';
import { TRRO_DESCRIPTOR } from '@contract';

/** The limiter lane of one TRRO action of one project. */
export function trroLane(projectId: string, action: string): RateLane {
  return { laneKey: `tencent-trro:${projectId}:${action}`, ratePerSecond: rateFrom(TRRO_DESCRIPTOR.ratePerSecond, action) };
}
