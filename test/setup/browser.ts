import '../../src/styles.css';
import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach } from 'vitest';
import { WAIT_TIMEOUT_MS } from './waits';

configure({ asyncUtilTimeout: WAIT_TIMEOUT_MS });
afterEach(() => cleanup());
