import { useEffect, useState } from 'react';
import { api, type Session, setCsrf, type SessionUser } from './api.ts';
import { dictionaries, type Lang, LangContext, storedLang, storeLang } from './i18n.ts';
import { AlertsPage } from './pages/alerts-page.tsx';
import { LoginPage } from './pages/login-page.tsx';
import { MentionsPage } from './pages/mentions-page.tsx';
import { OverviewPage } from './pages/overview-page.tsx';
import { RectificationPage } from './pages/rectification-page.tsx';
import { SurveysPage } from './pages/surveys-page.tsx';
import { EXPORT_ROLES, type Page, PAGE_ROLES, pageFromPath } from './roles.ts';
import { DEFAULT_TIME_ZONE, TimeZoneContext } from './time-format.ts';

export function App() {
  const [lang, setLang] = useState<Lang>(storedLang);
  const [user, setUser] = useState<SessionUser | null | undefined>(undefined);
  const [timeZone, setTimeZone] = useState(DEFAULT_TIME_ZONE);
  const [page, setPage] = useState<Page>(() => pageFromPath(location.pathname));
  const t = dictionaries[lang];

  useEffect(() => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  }, [lang]);

  const startSession = (session: Session) => {
    setCsrf(session.csrf);
    setTimeZone(session.settings.timezone);
    setUser(session.user);
  };

  useEffect(() => {
    api
      .me()
      .then(startSession)
      .catch(() => setUser(null));
    const onPop = () => setPage(pageFromPath(location.pathname));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);

  const switchLang = () => {
    const next = lang === 'zh' ? 'en' : 'zh';
    storeLang(next);
    setLang(next);
  };
  const go = (next: Page) => {
    history.pushState(null, '', next === 'overview' ? '/' : `/${next}`);
    setPage(next);
  };
  const logout = () => {
    api
      .logout()
      .catch(() => undefined)
      .finally(() => setUser(null));
  };

  const allowed = user ? PAGE_ROLES[page].includes(user.role) : false;
  return (
    <LangContext.Provider value={{ lang, t }}>
      <TimeZoneContext.Provider value={timeZone}>
        <header className="topbar">
          <div className="brand">
            talentpulse <span>{t.app}</span>
          </div>
          {user && (
            <nav>
              {(Object.keys(PAGE_ROLES) as Page[])
                .filter((p) => PAGE_ROLES[p].includes(user.role))
                .map((p) => (
                  <button key={p} className={p === page ? 'tab active' : 'tab'} onClick={() => go(p)}>
                    {t[p]}
                  </button>
                ))}
              {EXPORT_ROLES.includes(user.role) && (
                <a className="tab" href="/api/export/scorecard.csv" download>
                  {t.export}
                </a>
              )}
            </nav>
          )}
          <div className="session">
            <button className="link" onClick={switchLang}>
              {t.language}
            </button>
            {user && (
              <>
                <span className="who">
                  {user.display_name} · {user.role}
                </span>
                <button className="link" onClick={logout}>
                  {t.logout}
                </button>
              </>
            )}
          </div>
        </header>
        <main>
          {user === undefined ? null : user === null ? (
            <LoginPage onLogin={startSession} />
          ) : !allowed ? (
            <p className="notice">{t.forbidden}</p>
          ) : page === 'alerts' ? (
            <AlertsPage user={user} />
          ) : page === 'mentions' ? (
            <MentionsPage />
          ) : page === 'surveys' ? (
            <SurveysPage />
          ) : page === 'rectification' ? (
            <RectificationPage user={user} />
          ) : (
            <OverviewPage canExport={EXPORT_ROLES.includes(user.role)} />
          )}
        </main>
      </TimeZoneContext.Provider>
    </LangContext.Provider>
  );
}
