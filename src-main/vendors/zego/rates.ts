import { rateFrom, type RateLane } from '../shared/rate-limiter';
import { ZEGO_DESCRIPTOR } from '@contract';

/** Every ZEGO Cloud Recording v2 action. */
export const ZEGO_ACTIONS = [
  'StartRecord',
  'StopRecord',
  'PauseRecord',
  'ResumeRecord',
  'UpdateLayout',
  'UpdateWhiteboard',
  'DescribeRecordStatus',
  'DescribeTasks',
  'TakeSnapshot',
] as const;
export type ZegoAction = (typeof ZEGO_ACTIONS)[number];

/** The test environment allows fewer starts and stops per second than production. */
const TEST_START_STOP_RATE = 20;

/** Documented per-AppId rate of an action, from the descriptor's rate table. */
export function zegoRate(action: ZegoAction, isTest: boolean): number {
  if (isTest && (action === 'StartRecord' || action === 'StopRecord')) return TEST_START_STOP_RATE;
  return rateFrom(ZEGO_DESCRIPTOR.ratePerSecond, action);
}

/** The limiter lane of one action of one AppId: the client sends on it and the poller paces by it. */
export function zegoLane(appId: number | string, action: ZegoAction, isTest: boolean): RateLane {
  return { laneKey: `zego:${appId}:${action}`, ratePerSecond: zegoRate(action, isTest) };
}
