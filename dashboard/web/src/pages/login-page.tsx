import { type FormEvent, useState } from 'react';
import { api, type Session } from '../api.ts';
import { useT } from '../i18n.ts';

export function LoginPage({ onLogin }: { onLogin: (session: Session) => void }) {
  const { t } = useT();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [failed, setFailed] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    api
      .login(username, password)
      .then(onLogin)
      .catch(() => setFailed(true))
      .finally(() => setBusy(false));
  };

  return (
    <form className="card login" onSubmit={submit}>
      <h1>{t.login}</h1>
      <label>
        {t.username}
        <input name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} required />
      </label>
      <label>
        {t.password}
        <input name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} required />
      </label>
      {failed && <p className="error">{t.loginFailed}</p>}
      <button type="submit" className="primary" disabled={busy}>
        {t.login}
      </button>
    </form>
  );
}
