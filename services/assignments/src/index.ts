import { runServiceProcess } from '@giaoviec/shared';
import { assignmentsService } from './server';

void runServiceProcess(assignmentsService);
