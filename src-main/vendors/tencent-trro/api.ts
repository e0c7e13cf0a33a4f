/** TencentCloud API 3.0 coordinates of TRRO cloud recording. */
export const TRRO_API = { defaultBaseUrl: 'https://trro.tencentcloudapi.com', service: 'trro', version: '2022-03-25' } as const;
