/**
 * Preload hints for the page being opened. index.html loads only the entry (the login page is in it); a signed-in
 * screen then needs the signed-in frame's chunk and its own, which the browser would only discover once the entry has
 * downloaded and run. Naming them in the page lets them download alongside the entry: one round trip fewer before
 * the first screen (on a phone's network, about half a second).
 *
 * The same goes for the parts of the language's catalogue (src/app/i18n.ts) the page renders with. The language is
 * the browser's first in Accept-Language, as the console picks it when nothing is stored; a visitor who chose the
 * other one in the console gets a hint it does not use (a few kilobytes), and loads the right part as before.
 *
 * The files come from Vite's manifest (dist/.vite/manifest.json), so they follow every rebuild. The screens are
 * matched by the path's first segment; `screenModules` mirrors src/app/router.tsx and src/app/screens.ts (server/preload.test.ts checks it).
 */

/** Vite's build manifest: source module → output file, with what it imports. */
export type Manifest = Record<string, { file: string; imports?: string[]; css?: string[]; isEntry?: boolean }>;

/** Pages for people not signed in: the entry holds what /login needs, and the others are small. */
const publicPaths = new Set(['login', 'signup', 'verify', 'password-reset', 'mfa-revoke']);

const signedInFrame = 'src/components/layout/SignedInLayout.tsx';
/** The screens' loaders (src/app/screens.ts): every route but /login loads it before its screen. */
export const screensModule = 'src/app/screens.ts';

/** The account area's sections and the support page (src/pages/account/routes.tsx). */
const accountAreaModule = 'src/pages/account/routes.tsx';

/** The screen module each path loads, by the path's first segment (and whether more follows). */
export const screenModules: Record<string, { list: string; item: string }> = {
  '': { list: 'src/pages/home/HomePage.tsx', item: 'src/pages/home/HomePage.tsx' },
  sims: { list: 'src/pages/sims/SimsPage.tsx', item: 'src/pages/sims/SimDetailPage.tsx' },
  groups: { list: 'src/pages/groups/GroupsPage.tsx', item: 'src/pages/groups/GroupPage.tsx' },
  usage: { list: 'src/pages/usage/UsagePage.tsx', item: 'src/pages/usage/UsagePage.tsx' },
  billing: { list: 'src/pages/billing/routes.ts', item: 'src/pages/billing/routes.ts' },
  account: { list: 'src/pages/account/AccountPage.tsx', item: 'src/pages/team/routes.tsx' },
  orders: { list: 'src/pages/orders/routes.tsx', item: 'src/pages/orders/routes.tsx' },
  credentials: { list: 'src/pages/credentials/CredentialsPage.tsx', item: 'src/pages/credentials/CredentialsPage.tsx' },
  support: { list: accountAreaModule, item: accountAreaModule },
  'event-handlers': { list: 'src/pages/eventHandlers/routes.tsx', item: 'src/pages/eventHandlers/routes.tsx' },
  logs: { list: 'src/pages/logs/LogsPage.tsx', item: 'src/pages/logs/LogsPage.tsx' },
};

/**
 * The account area's own sections (src/app/router.tsx `accountPages`): under /account/… like the team screens, but
 * their module is the account area's and they speak from the 'account' part.
 */
export const accountSections = new Set(['profile', 'emails', 'contracts', 'coverage', 'security']);

/** Screens whose strings are partly in the catalogue's 'money' part: the dashboards, and a SIM's usage chart. */
export const moneyScreens: Record<string, { list: boolean; item: boolean }> = {
  billing: { list: true, item: true },
  usage: { list: true, item: true },
  sims: { list: false, item: true },
};

/** The console's languages (src/app/i18n.ts; not imported from there, which brings React along). */
export type Language = 'en' | 'ja';

/** The language the console starts in when nothing is stored: that of the browser's first listed language. */
export function languageOf(acceptLanguage: string | undefined): Language {
  const first = (acceptLanguage ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('ja') ? 'ja' : 'en';
}

/**
 * The modules a path opens with, beyond the entry's own: the catalogue parts it renders with in `language`, and for
 * a signed-in path the frame and the screen.
 */
export function modulesFor(pathname: string, language: Language = 'en'): string[] {
  const [first = '', ...rest] = pathname.split('/').filter(Boolean);
  const part = (name: string) => `src/locales/${language}/${name}.json`;
  if (publicPaths.has(first))
    return first === 'login' ? [part('start')] : [part('start'), part('public'), screensModule];
  const screen = screenModules[first];
  const parts = [part('start'), part('console')];
  if (!screen) return [signedInFrame, ...parts, screensModule];
  const item = rest.length > 0;
  if (first === 'account' && accountSections.has(rest[0] ?? '')) {
    return [signedInFrame, accountAreaModule, ...parts, part('account'), screensModule];
  }
  const money = moneyScreens[first];
  if (money && (item ? money.item : money.list)) parts.push(part('money'));
  // Users, roles, permissions and the audit log live under /account/… and speak from the 'team' part.
  if (first === 'account' && item) parts.push(part('team'));
  if (first === 'orders') parts.push(part('orders'));
  if ((first === 'account' && !item) || first === 'support') parts.push(part('account'));
  // The dashboard, the credentials page, a group's configuration and the event handler form (their credential
  // pickers) speak from 'home'.
  if (first === '' || first === 'credentials' || first === 'event-handlers' || (first === 'groups' && item)) {
    parts.push(part('home'));
  }
  // Event handlers and error logs, and the dashboard's and a SIM's sections of them, speak from 'events'.
  if (first === '' || first === 'event-handlers' || first === 'logs' || (first === 'sims' && item)) {
    parts.push(part('events'));
  }
  return [signedInFrame, item ? screen.item : screen.list, ...parts, screensModule];
}

/**
 * `<link>` tags preloading the scripts and style sheets of `modules` and all they import, except what the entry
 * already loads. Modules missing from the manifest are skipped (a hint is never required).
 */
export function preloadTags(manifest: Manifest, modules: string[]): string {
  const inEntry = new Set<string>();
  const visit = (key: string, into: Set<string>) => {
    if (into.has(key) || !manifest[key]) return;
    into.add(key);
    for (const imported of manifest[key].imports ?? []) visit(imported, into);
  };
  for (const [key, chunk] of Object.entries(manifest)) if (chunk.isEntry) visit(key, inEntry);

  const wanted = new Set<string>();
  for (const module of modules) visit(module, wanted);
  const scripts: string[] = [];
  const styles: string[] = [];
  for (const key of wanted) {
    if (inEntry.has(key)) continue;
    const chunk = manifest[key] as Manifest[string];
    scripts.push(`<link rel="modulepreload" crossorigin href="/${chunk.file}">`);
    for (const css of chunk.css ?? []) styles.push(`<link rel="preload" as="style" crossorigin href="/${css}">`);
  }
  return [...new Set([...styles, ...scripts])].join('');
}
