import { defineConfig } from 'wxt';

export default defineConfig({
  modules: ['@wxt-dev/module-react', '@wxt-dev/webextension-polyfill'],
  manifest: {
    name: 'Sidecard',
    description: 'See who the requester is, from Personio, beside your mail and tickets.',
    permissions: ['storage', 'alarms'],
    host_permissions: ['https://api.personio.de/*'],
  },
});
