export { createTrroClient, type TrroClient, type TrroClientOptions } from './client';
export { TRRO_API, TRRO_DESCRIPTOR } from './descriptor';
export { TRRO_ERRORS } from './errors';
export { toCreateCloudRecordingBody, type TrroStorage, type TrroStorageKeys, type TrroStorageTarget } from './request';
export { trtcCallbackSign, verifyTrtcCallback } from './callback';
