import { Api3Error, createApi3Gate, type Api3Call } from '../tencent-api3/gate';
import { checkParams, type ParamSpec } from '../tencent-api3/params';
import type { TiwApp, TiwTask, TiwWorld } from './model';
import { TASK_FIELDS } from './params';

/** The *OnlineRecord* APIs of TIW (service `tiw`, version `2019-09-19`). */
export const TIW_ACTIONS = [
  'StartOnlineRecord',
  'StopOnlineRecord',
  'PauseOnlineRecord',
  'ResumeOnlineRecord',
  'DescribeOnlineRecord',
  'DescribeOnlineRecordCallback',
  'SetOnlineRecordCallback',
  'SetOnlineRecordCallbackKey',
] as const;
/** One of {@link TIW_ACTIONS}. */
export type TiwAction = (typeof TIW_ACTIONS)[number];

const TYPE_CODE = 'InvalidParameter.BodyParameterTypeUnmatched';

/**
 * Every TIW recording API page: "Region … This API only supports: ap-singapore." Any other region
 * gets the common error UnsupportedRegion, as the operator's wrong region would at the vendor.
 */
export const TIW_REGIONS = ['ap-singapore'] as const;

/** TC3 checks, the region (required, {@link TIW_REGIONS}), and 20 requests a second per SecretId and action. */
export function createTiwGate(w: TiwWorld): ReturnType<typeof createApi3Gate> {
  return createApi3Gate({
    service: 'tiw',
    version: '2019-09-19',
    actions: TIW_ACTIONS,
    regionRequired: true,
    regions: TIW_REGIONS,
    ratePerSecond: 20,
    clock: w.clock,
    secretKeyFor: (id) => w.accounts.get(id) ?? null,
  });
}

/** The call's parameters checked against `fields`, with TIW's code for a type mismatch. */
export function checkTiwParams(call: Api3Call, fields: Record<string, ParamSpec>): Record<string, unknown> {
  return checkParams(call.params, fields, { type: TYPE_CODE }, call.fromQuery);
}

/** The app, if the caller's account owns it and its whiteboard service is usable. */
export function ownedApp(w: TiwWorld, call: Api3Call, sdkAppId: number): TiwApp {
  const app = w.apps.get(sdkAppId);
  if (!app || app.owner !== call.secretId) {
    throw new Api3Error('UnauthorizedOperation.SdkAppId', 'The SdkAppId does not exist or does not belong to the current account.');
  }
  if (app.notRegistered) throw new Api3Error('ResourceUnavailable.NotRegistered', 'The whiteboard service is not enabled for this application.');
  if (app.expired) throw new Api3Error('ResourceUnavailable.ServiceExpired', 'The account is in arrears or the whiteboard service has expired.');
  return app;
}

/** The task a task API names (`SdkAppId` + `TaskId`), after the ownership checks. */
export function taskOf(w: TiwWorld, call: Api3Call): TiwTask {
  const params = checkTiwParams(call, TASK_FIELDS);
  const sdkAppId = params['SdkAppId'] as number;
  ownedApp(w, call, sdkAppId);
  const task = w.tasks.get(params['TaskId'] as string);
  if (!task || task.sdkAppId !== sdkAppId) throw new Api3Error('InvalidParameter.TaskNotFound', 'The task does not exist.');
  return task;
}
