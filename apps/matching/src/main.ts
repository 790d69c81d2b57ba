import 'reflect-metadata';
import { createService, runMain } from '@coop/platform';
import { MatchingAppModule } from './app.module.js';

runMain('matching', () => createService('matching', MatchingAppModule.forRoot(process.env)));
