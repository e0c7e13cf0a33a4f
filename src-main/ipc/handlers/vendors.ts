import { vendorDescriptors } from '../../vendors/registry';
import type { Handlers } from '../dispatch';

/** `vendors:list`: every vendor's descriptor, in registry order. */
export function vendorHandlers(): Pick<Handlers, 'vendors:list'> {
  return {
    'vendors:list': () => vendorDescriptors(),
  };
}
