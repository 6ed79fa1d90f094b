/// <reference types="vite/client" />
declare const __TEST_BRIDGE__: boolean;
