import { z } from 'zod';

/** An IANA time zone name the runtime knows, such as Asia/Shanghai. */
export const timeZoneSchema = z.string().refine(
  (zone) => {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'an IANA time zone such as "Asia/Shanghai"' },
);
