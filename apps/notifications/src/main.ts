import 'reflect-metadata';
import { createService, runMain } from '@coop/platform';
import { NotificationsAppModule } from './app.module.js';

runMain('notifications', () => createService('notifications', NotificationsAppModule.forRoot(process.env)));
