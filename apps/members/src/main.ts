import 'reflect-metadata';
import { createService, runMain } from '@coop/platform';
import { MembersAppModule } from './app.module.js';

runMain('members', () => createService('members', MembersAppModule.forRoot(process.env)));
