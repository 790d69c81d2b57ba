import 'reflect-metadata';
import { createService, runMain } from '@coop/platform';
import { ProfessionalsAppModule } from './app.module.js';

runMain('professionals', () => createService('professionals', ProfessionalsAppModule.forRoot(process.env)));
