import { z } from 'zod';

/** An array whose items must all differ (data·inclusion sets, phrase lists); a repeat is named with `what`. */
export function distinctArray<T extends z.ZodType>(item: T, what = 'value') {
  return z.array(item).superRefine((items, ctx) => {
    items.forEach((value, index) => {
      if (items.indexOf(value) !== index)
        ctx.addIssue({ code: 'custom', path: [index], message: `duplicate ${what} "${String(value)}"` });
    });
  });
}
