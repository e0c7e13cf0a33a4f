import { errorTable, verdict } from '../shared/tencent-api3';

/** TRRO product error codes (docs/vendors/tencent-trro.md §6); anything else falls back to the common codes. */
export const TRRO_ERRORS = errorTable('vendor.tencent-trro.error', {
  FailedOperation: verdict('VENDOR_STATE', false),
  InternalError: verdict('VENDOR_INTERNAL', true),
  InvalidParameter: verdict('VENDOR_INVALID_PARAMETER', false),
  InvalidParameterValue: verdict('VENDOR_INVALID_PARAMETER', false),
  MissingParameter: verdict('VENDOR_INVALID_PARAMETER', false),
  OperationDenied: verdict('VENDOR_SERVICE', false),
  'OperationDenied.LicensesNotEnoughError': verdict('VENDOR_LIMIT', false),
  ResourceNotFound: verdict('VENDOR_TASK_NOT_FOUND', false),
});
