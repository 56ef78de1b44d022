import { runServiceProcess } from '@giaoviec/shared';
import { organisationsService } from './server';

void runServiceProcess(organisationsService);
