// Preloaded by bench/cpu.mjs when CPU_PROFILE is set (`--cpu-prof` is refused in NODE_OPTIONS):
// samples the process from its start and writes a .cpuprofile there when it exits.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join } from 'node:path';

const session = new Session();
session.connect();
session.post('Profiler.enable');
session.post('Profiler.start');
process.on('exit', () => {
  // An in-process session answers synchronously, so this runs before the process ends.
  session.post('Profiler.stop', (error, result) => {
    if (!error)
      writeFileSync(join(process.env.CPU_PROFILE ?? '.', `${process.pid}.cpuprofile`), JSON.stringify(result.profile));
  });
});
