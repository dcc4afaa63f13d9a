import { useCallback, useEffect, useState } from 'react';
import { type AlertAction, api, type AlertJson, type DeliveryJson, type SessionUser } from '../api.ts';
import { AlertDrivers } from '../drivers/alert-drivers.tsx';
import { useT } from '../i18n.ts';
import { NotesList } from '../parts/notes-list.tsx';
import { ALERT_ACTION_ROLES } from '../roles.ts';
import { useTimeFormat } from '../time-format.ts';

type Action = AlertAction;

/** The actions the server accepts from each status. */
const NEXT: Record<string, Action[]> = {
  open: ['acknowledge', 'dismiss'],
  acknowledged: ['responding', 'resolve', 'dismiss'],
  responding: ['resolve', 'dismiss'],
  resolved: [],
  dismissed: [],
};

export function AlertsPage({ user }: { user: SessionUser }) {
  const { t } = useT();
  const time = useTimeFormat();
  const [alerts, setAlerts] = useState<AlertJson[]>([]);
  const [notes, setNotes] = useState<Record<string, string>>({});
  const [error, setError] = useState('');
  const [deliveries, setDeliveries] = useState<Record<string, DeliveryJson[]>>({});
  const canAct = ALERT_ACTION_ROLES.includes(user.role);

  const load = useCallback(() => {
    api
      .alerts()
      .then((r) => setAlerts(r.alerts))
      .catch((e: Error) => setError(e.message));
  }, []);
  useEffect(load, [load]);

  const act = (alert: AlertJson, action: Action) => {
    const key = `${alert.community_id}/${alert.id}`;
    api
      .alertAction(alert, action, notes[key] ?? '')
      .then(() => {
        setNotes({ ...notes, [key]: '' });
        setError('');
        load();
      })
      .catch((e: Error) => setError(e.message));
  };
  const showNotices = (alert: AlertJson) => {
    api
      .alertDeliveries(alert)
      .then((r) => setDeliveries({ ...deliveries, [`${alert.community_id}/${alert.id}`]: r.deliveries }))
      .catch((e: Error) => setError(e.message));
  };
  const retry = (alert: AlertJson, delivery: DeliveryJson) => {
    api
      .retryDelivery(alert, delivery)
      .then(() => {
        setError('');
        showNotices(alert);
      })
      .catch((e: Error) => setError(e.message));
  };
  const actionLabel = { acknowledge: t.acknowledge, responding: t.respond, resolve: t.resolve, dismiss: t.dismiss };

  return (
    <section className="card">
      <div className="card-head">
        <h2>{t.alerts}</h2>
        <span className="muted small">
          {t.timeZone}: {time.timeZone}
        </span>
      </div>
      {error && <p className="error">{error}</p>}
      {alerts.length === 0 && <p className="empty">{t.noData}</p>}
      <ul className="alerts">
        {alerts.map((alert) => {
          const key = `${alert.community_id}/${alert.id}`;
          return (
            <li key={key} id={`alert-${alert.community_id}-${alert.id}`} className={`alert grade-${alert.grade}`} data-status={alert.status}>
              <div className="alert-head">
                <span className={`badge grade-${alert.grade}`}>{t[alert.grade]}</span>
                <strong>{alert.title}</strong>
                <span className="status">{t[alert.status]}</span>
              </div>
              <div className="muted small">
                {alert.community_id} · {alert.rule} · {time.dateTime(alert.opened_at)}
              </div>
              {(alert.assignee ?? alert.public_response ?? alert.dismiss_reason) && (
                <div className="small">
                  {alert.assignee && <div>{t.assignee}: {alert.assignee}</div>}
                  {alert.public_response && <div>{t.publicResponse}: {alert.public_response}</div>}
                  {alert.dismiss_reason && <div>{t.dismissed}: {alert.dismiss_reason}</div>}
                </div>
              )}
              <AlertDrivers drivers={alert.drivers} />
              <div className="small">
                <button onClick={() => showNotices(alert)}>{t.notices}</button>
                {deliveries[key] && (
                  <ul className="deliveries notes-block">
                    {deliveries[key].map((d) => (
                      <li key={d.id} data-delivery-status={d.status}>
                        {d.channel} · {d.recipient} · <span className="delivery-status">{t.deliveryStatus[d.status] ?? d.status}</span> · {d.attempts}×
                        {d.sent_at ? ` · ${time.dateTime(d.sent_at)}` : ''}
                        {d.last_error && <span className="muted"> · {d.last_error}</span>}
                        {canAct && d.status === 'failed' && (
                          <button className="retry" onClick={() => retry(alert, d)}>
                            {t.retryNow}
                          </button>
                        )}
                      </li>
                    ))}
                  </ul>
                )}
              </div>
              {alert.notes.length > 0 && (
                <div className="notes-block">
                  <div className="muted small">{t.notes}</div>
                  <NotesList notes={alert.notes} />
                </div>
              )}
              {canAct && (NEXT[alert.status] ?? []).length > 0 && (
                <div className="actions">
                  <input placeholder={`${t.note} / ${t.dismissReason}`} value={notes[key] ?? ''} onChange={(e) => setNotes({ ...notes, [key]: e.target.value })} />
                  {(NEXT[alert.status] ?? []).map((action) => (
                    <button key={action} onClick={() => act(alert, action)}>
                      {actionLabel[action]}
                    </button>
                  ))}
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
