import { z } from 'zod';

/** A date pattern with YYYY, M/MM, D/DD, H/HH (24 h) or h/hh with A (12 h), mm, ss; other characters literal. */
export const datePattern = z
  .string()
  .refine((p) => /YYYY/.test(p) && /M/.test(p) && /D/.test(p) && (/h/.test(p) === /A/.test(p)), {
    message: 'a pattern such as "MM/DD/YYYY hh:mm:ss A" (YYYY, MM, DD; HH or hh with A; mm, ss)',
  });
