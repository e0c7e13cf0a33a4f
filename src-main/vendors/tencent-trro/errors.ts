import type { ErrorRule } from '../shared/tencent-api3';

const r = (code: ErrorRule['code'], retryable: boolean, en: string, zh: string): ErrorRule => ({ code, retryable, message: { en, 'zh-CN': zh } });

/** TRRO product error codes (spec §3.4); anything else falls back to the common codes. */
export const TRRO_ERRORS: Record<string, ErrorRule> = {
  FailedOperation: r('VENDOR_STATE', false, 'TRRO could not perform the operation.', 'TRRO 操作失败。'),
  InternalError: r('VENDOR_INTERNAL', true, 'TRRO reported an internal error.', 'TRRO 内部错误。'),
  InvalidParameter: r('VENDOR_INVALID_PARAMETER', false, 'TRRO rejected a parameter.', 'TRRO 参数错误。'),
  InvalidParameterValue: r('VENDOR_INVALID_PARAMETER', false, 'TRRO rejected a parameter value (check project, device and task IDs).', 'TRRO 参数取值错误（请检查项目、设备和任务 ID）。'),
  MissingParameter: r('VENDOR_INVALID_PARAMETER', false, 'A required TRRO parameter is missing.', '缺少 TRRO 必填参数。'),
  OperationDenied: r('VENDOR_SERVICE', false, 'TRRO denied the operation for this account or project.', 'TRRO 拒绝了该操作。'),
  'OperationDenied.LicensesNotEnoughError': r('VENDOR_LIMIT', false, 'Not enough TRRO licenses.', 'TRRO License 不足。'),
  ResourceNotFound: r('VENDOR_TASK_NOT_FOUND', false, 'TRRO does not know this resource.', 'TRRO 资源不存在。'),
};
