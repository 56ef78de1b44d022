import { runServiceProcess } from '@giaoviec/shared';
import { notificationsService } from './server';

void runServiceProcess(notificationsService);
