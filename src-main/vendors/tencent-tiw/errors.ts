import { errorTable, verdict } from '../shared/tencent-api3';

/** TIW product error codes (docs/vendors/tencent-tiw.md §7); anything else falls back to the common codes. */
export const TIW_ERRORS = errorTable('vendor.tencent-tiw.error', {
  AuthFailure: verdict('VENDOR_AUTH', false),
  'FailedOperation.Record': verdict('VENDOR_STATE', false),
  'InvalidParameter.BodyParameterTypeUnmatched': verdict('VENDOR_INVALID_PARAMETER', false),
  'InvalidParameter.CallbackAddressFormatError': verdict('VENDOR_INVALID_PARAMETER', false),
  'InvalidParameter.InvalidExtra': verdict('VENDOR_INVALID_PARAMETER', false),
  'InvalidParameter.RecordParameter': verdict('VENDOR_INVALID_PARAMETER', false),
  'InvalidParameter.SdkAppIdNotFound': verdict('VENDOR_INVALID_PARAMETER', false),
  'InvalidParameter.TaskNotFound': verdict('VENDOR_TASK_NOT_FOUND', false),
  'LimitExceeded.TaskConcurrency': verdict('VENDOR_LIMIT', false),
  'ResourceInUse.RecordUserId': verdict('VENDOR_STATE', false),
  'ResourceUnavailable.InterfaceUnAuthorized': verdict('VENDOR_SERVICE', false),
  'ResourceUnavailable.NotRegistered': verdict('VENDOR_SERVICE', false),
  'ResourceUnavailable.ServiceExpired': verdict('VENDOR_SERVICE', false),
  'UnauthorizedOperation.SdkAppId': verdict('VENDOR_SERVICE', false),
  'UnsupportedOperation.InvalidTaskStatus': verdict('VENDOR_STATE', false),
  'UnsupportedOperation.TaskHasAlreadyStopped': verdict('VENDOR_STATE', false),
});
