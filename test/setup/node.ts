import { vi } from 'vitest';
import './waits';

// The `unit` project runs its files one after another in a shared worker (isolate: false), which saves a process
// and the packages' imports per file. Each file still starts as it would in a process of its own: the library's
// modules load afresh (packages from node_modules stay loaded), and timers are real.
vi.resetModules();
vi.useRealTimers();
