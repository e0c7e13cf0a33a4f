import { Api3Error, createApi3Gate, type Api3Call } from '../tencent-api3/gate';
import { checkParams, type ParamSpec } from '../tencent-api3/params';
import { TENCENT_REGIONS } from '../tencent-api3/regions';
import type { TrroProject, TrroWorld } from './model';

/** The cloud-recording APIs of TRRO (service `trro`, version `2022-03-25`); there is no query API. */
export const TRRO_ACTIONS = ['CreateCloudRecording', 'DeleteCloudRecording', 'ModifyCallbackUrl'] as const;
/** One of {@link TRRO_ACTIONS}. */
export type TrroAction = (typeof TRRO_ACTIONS)[number];

/** CreateCloudRecording's parameters. */
export const CREATE_FIELDS: Record<string, ParamSpec> = {
  ProjectId: { t: 'str', req: true },
  DeviceId: { t: 'str', req: true },
  VideoStreamId: { t: 'int', req: true },
  CloudStorage: {
    t: 'obj',
    req: true,
    fields: {
      Vendor: { t: 'int', req: true },
      Region: { t: 'str', req: true },
      Bucket: { t: 'str', req: true },
      AccessKey: { t: 'str', req: true },
      SecretKey: { t: 'str', req: true },
      FileNamePrefix: { t: 'arr', items: { t: 'str' } },
    },
  },
  MaxMediaFileDuration: { t: 'int' },
  OutputFormat: { t: 'int' },
  MaxIdleTime: { t: 'int' },
};

/** TC3 checks, an optional region, and 20 requests a second per SecretId and action. */
export function createTrroGate(w: TrroWorld): ReturnType<typeof createApi3Gate> {
  return createApi3Gate({
    service: 'trro',
    version: '2022-03-25',
    actions: TRRO_ACTIONS,
    regionRequired: false,
    regions: TENCENT_REGIONS,
    ratePerSecond: 20,
    clock: w.clock,
    secretKeyFor: (id) => w.accounts.get(id) ?? null,
  });
}

/** The call's parameters checked against `fields`; TRRO answers a type mismatch with plain InvalidParameter. */
export function checkTrroParams(call: Api3Call, fields: Record<string, ParamSpec>): Record<string, unknown> {
  return checkParams(call.params, fields, { type: 'InvalidParameter' }, call.fromQuery);
}

/** TRRO's code for a value outside what the API accepts. */
export function invalidValue(message: string): Api3Error {
  return new Api3Error('InvalidParameterValue', message);
}

/** The project, if it exists and the caller's account owns it. */
export function ownedProject(w: TrroWorld, call: Api3Call, projectId: string): TrroProject {
  const project = w.projects.get(projectId);
  if (!project) throw invalidValue(`The project ${projectId} does not exist.`);
  if (project.owner !== call.secretId) throw new Api3Error('OperationDenied', 'The project does not belong to the current account.');
  return project;
}
