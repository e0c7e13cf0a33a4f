import { createRouter, createWebHashHistory } from 'vue-router';

/** Hash history works the same under app:// (Electron) and the browser host. */
export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', redirect: '/live' },
    { path: '/live', name: 'live', component: () => import('./features/monitor/views/LiveView.vue') },
    { path: '/new', name: 'new', component: () => import('./features/recording/views/NewRecordingView.vue') },
    { path: '/tasks/:id', name: 'task', component: () => import('./features/monitor/views/TaskDetailView.vue') },
    { path: '/history', name: 'history', component: () => import('./features/history/views/HistoryView.vue') },
    { path: '/accounts', name: 'accounts', component: () => import('./features/accounts/views/AccountsView.vue') },
    { path: '/settings', name: 'settings', component: () => import('./features/settings/views/SettingsView.vue') },
  ],
});
