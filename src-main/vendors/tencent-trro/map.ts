import { trroMsg } from '@contract';
import { AppFailure } from '../../errors/app-failure';

/** The TaskId of a CreateCloudRecording `Response`; an answer without one is unusable. */
export function taskIdFromCreate(response: Record<string, unknown>, requestId: string): string {
  const taskId = response['TaskId'];
  if (typeof taskId === 'string' && taskId !== '') return taskId;
  throw new AppFailure('VENDOR_BAD_RESPONSE', trroMsg('vendor.tencent-trro.error.noTaskId'), { retryable: false, details: { requestId, mayHaveReachedVendor: true } });
}

/** ModifyCallbackUrl answers Code/Msg inside a successful envelope; a non-zero Code is a failure. */
export function checkModifyCallbackUrl(response: Record<string, unknown>, requestId: string): void {
  const code = response['Code'];
  if (code === 0 || code === undefined) return;
  throw new AppFailure(
    'VENDOR_STATE',
    trroMsg('vendor.tencent-trro.error.callbackUrlRefused'),
    { retryable: false, details: { requestId, vendorCode: String(code), vendorMessage: typeof response['Msg'] === 'string' ? response['Msg'] : '' } },
  );
}
