import { rateFrom, type RateLane } from '../shared/rate-limiter';
import { TIW_DESCRIPTOR } from '@contract';

/** The limiter lane of one TIW action of one SdkAppId: the client sends on it and the poller paces by it. */
export function tiwLane(sdkAppId: number | string, action: string): RateLane {
  return { laneKey: `tencent-tiw:${sdkAppId}:${action}`, ratePerSecond: rateFrom(TIW_DESCRIPTOR.ratePerSecond, action) };
}
