import type { Message, RecordingRequest, StorageProvider } from '@contract';
import { TRRO_OUTPUT_FORMATS, trroMsg, trroStorageVendor } from '@contract';
import { AppFailure } from '../../errors/app-failure';

/** The non-secret part of a storage target that CreateCloudRecording needs. */
export interface TrroStorageTarget {
  provider: StorageProvider;
  region: string | null;
  bucket: string | null;
  pathPrefix: string | null;
}

/** The target's keys, read from the vault at send time. */
export interface TrroStorageKeys {
  accessKeyId: string;
  accessKeySecret: string;
}

/** Storage as the client receives it. */
export interface TrroStorage {
  target: TrroStorageTarget;
  keys: TrroStorageKeys;
}

function storageError(message: Message, path: string): AppFailure {
  return new AppFailure('VALIDATION', message, { details: { issues: [{ path, severity: 'error', message }] } });
}

/**
 * The CreateCloudRecording body: key order as in the documented example, optional fields only when
 * set. FileNamePrefix is the target's path prefix segments followed by the request's own segments.
 */
export function toCreateCloudRecordingBody(request: RecordingRequest, projectId: string, storage: TrroStorage): Record<string, unknown> {
  const vendor = trroStorageVendor(storage.target.provider);
  if (vendor === null) {
    throw storageError(trroMsg('vendor.tencent-trro.issue.storageProvider'), 'storageTargetId');
  }
  if (!storage.target.bucket || !storage.target.region) {
    throw storageError(trroMsg('vendor.tencent-trro.issue.bucketAndRegion'), 'storageTargetId');
  }
  const format = TRRO_OUTPUT_FORMATS[request.output.format as keyof typeof TRRO_OUTPUT_FORMATS];
  const prefix = [...(storage.target.pathPrefix ? storage.target.pathPrefix.split('/') : []), ...request.output.fileNamePrefix];
  const cloudStorage: Record<string, unknown> = {
    Vendor: vendor,
    Bucket: storage.target.bucket,
    Region: storage.target.region,
    AccessKey: storage.keys.accessKeyId,
    SecretKey: storage.keys.accessKeySecret,
  };
  if (prefix.length > 0) cloudStorage['FileNamePrefix'] = prefix;
  const body: Record<string, unknown> = { DeviceId: request.roomId, ProjectId: projectId };
  if (format !== undefined) body['OutputFormat'] = format;
  body['VideoStreamId'] = request.trro.videoStreamId;
  if (request.output.maxFileDurationMin !== null) body['MaxMediaFileDuration'] = request.output.maxFileDurationMin;
  if (request.maxIdleSec !== null) body['MaxIdleTime'] = request.maxIdleSec;
  body['CloudStorage'] = cloudStorage;
  return body;
}
