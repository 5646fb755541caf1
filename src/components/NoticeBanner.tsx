import { downloadBlob } from './download.ts';
import { useAppStore } from './use-app-store.ts';

/** The app's message to the user: what went wrong (or happened), with the details one per line, and a file it offers to save. */
export function NoticeBanner() {
  const { notice, setNotice } = useAppStore((s) => ({ notice: s.notice, setNotice: s.setNotice }));
  if (notice === null) return null;
  // what the screen already shows (an opened lesson's column): announced, and no room taken
  if (notice.quiet === true)
    return (
      <div className="visually-hidden" role="status">
        {notice.text}
      </div>
    );
  return (
    <div
      className={`notice notice-${notice.kind}`}
      role={notice.kind === 'error' ? 'alert' : 'status'}
      data-testid="notice"
    >
      <div className="notice-text">
        <strong>{notice.text}</strong>
        {notice.details && notice.details.length > 0 && (
          <ul>
            {notice.details.map((line, k) => (
              <li key={k}>
                <code>{line}</code>
              </li>
            ))}
          </ul>
        )}
        {notice.download && (
          <button
            type="button"
            data-testid="notice-download"
            onClick={() =>
              downloadBlob(new Blob([notice.download!.text], { type: 'application/json' }), notice.download!.fileName)
            }
          >
            {notice.download.label}
          </button>
        )}
      </div>
      <button type="button" className="icon-button" aria-label="Dismiss the message" onClick={() => setNotice(null)}>
        ×
      </button>
    </div>
  );
}
