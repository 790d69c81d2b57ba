import 'reflect-metadata';
import { runMain } from '@coop/platform';
import { createGateway } from './create-gateway.js';

runMain('gateway', () => createGateway(process.env));
