import { createRouter, createWebHashHistory } from 'vue-router';

/** Hash history works the same under file:// (Electron) and the browser host. */
export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', redirect: '/live' },
    { path: '/live', name: 'live', component: () => import('./views/LiveView.vue') },
    { path: '/new', name: 'new', component: () => import('./views/NewRecordingView.vue') },
    { path: '/tasks/:id', name: 'task', component: () => import('./views/TaskDetailView.vue') },
    { path: '/history', name: 'history', component: () => import('./views/HistoryView.vue') },
    { path: '/accounts', name: 'accounts', component: () => import('./views/AccountsView.vue') },
    { path: '/settings', name: 'settings', component: () => import('./views/SettingsView.vue') },
  ],
});
