import { runServiceProcess } from '@giaoviec/shared';
import { inspectionsService } from './server';

void runServiceProcess(inspectionsService);
