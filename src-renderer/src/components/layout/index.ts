/** The layout editor and its pure model, for New recording and a running task's layout update. */
export { default as LayoutEditor } from './LayoutEditor.vue';
export { layoutIssues, layoutLimitsOf, mergeLimits, validateRequest, type LayoutLimits, type LimitsByVendor } from './vendor-limits';
export { applyTemplate, vendorTiles, CUSTOM_TEMPLATES, type CustomTemplate } from './templates';
