import type { AlertNote } from '../../../../warehouse/schema.ts';
import { useTimeFormat } from '../time-format.ts';

/** The notes of an alert or a rectification: when, who, what; times in the reporting zone. */
export function NotesList({ notes }: { notes: ReadonlyArray<Pick<AlertNote, 'at' | 'user' | 'text'>> }) {
  const time = useTimeFormat();
  return (
    <ul className="notes small">
      {notes.map((n, i) => (
        <li key={i}>
          <span className="muted">
            {time.dateTime(n.at)} · {n.user}
          </span>{' '}
          {n.text}
        </li>
      ))}
    </ul>
  );
}
