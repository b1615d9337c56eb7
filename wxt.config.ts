import { defineConfig } from 'wxt';
import { readFileSync } from 'node:fs';

// The extension lives in extension/ (entrypoints in extension/entrypoints), builds to .output/.
const pkg = JSON.parse(readFileSync(new URL('./extension/package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * Localhost is the app's default origin (the PWA is served on the admin's machine, see
 * DEFAULT_APP_ORIGIN in @raccord/core). It is the only host granted at install time: it lets the
 * bridge reach the local app. Portal hosts are optional permissions, requested one by one from
 * the options page; content scripts run only on the hosts the admin enabled there.
 */
const LOCAL_HOSTS = ['http://localhost/*', 'http://127.0.0.1/*'];
/** What the admin MAY grant (never granted by default): any http(s) host they add themselves. */
const OPTIONAL_HOSTS = ['https://*/*', 'http://*/*'];

export default defineConfig({
  srcDir: 'extension',
  publicDir: 'extension/public',
  modulesDir: 'extension/modules',
  outDir: '.output',
  modules: ['@wxt-dev/module-react'],
  // Explicit imports only: every module says where `browser`, `storage`… come from.
  imports: false,
  manifest: ({ browser, manifestVersion }) => {
    const permissions = ['storage', 'scripting', 'alarms', 'clipboardWrite'];
    if (browser !== 'firefox') permissions.push('sidePanel');
    // Drawn from the app's logo by extension/scripts/icons.py (extension/public/icon/).
    const icons = Object.fromEntries([16, 32, 48, 128].map((size) => [size, `icon/${size}.png`]));
    const base = {
      name: 'Raccord',
      description: 'Raccord dans les portails : capture des exports, identifiants PRONOTE, signalements. Aucune donnée ne quitte le poste.',
      version: pkg.version,
      icons,
      action: { default_title: 'Raccord', default_icon: icons },
    };
    // Raccord collects nothing: declared as such for Firefox's built-in data consent.
    const gecko = { id: 'raccord@raccord.local', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } };
    if (manifestVersion === 2) {
      return { ...base, permissions: [...permissions, ...LOCAL_HOSTS], optional_permissions: OPTIONAL_HOSTS, browser_specific_settings: { gecko } };
    }
    return {
      ...base,
      permissions,
      host_permissions: LOCAL_HOSTS,
      optional_host_permissions: OPTIONAL_HOSTS,
      ...(browser === 'firefox' ? { browser_specific_settings: { gecko } } : {}),
    };
  },
});
