/** The engine's Web Worker: a comlink shell over the engine calls (see handlers.ts). */
import * as Comlink from 'comlink';
import { createEngineService } from './engine-service.ts';
import { createEngineHandlers } from './handlers.ts';

Comlink.expose(createEngineService(createEngineHandlers(), { sliceMs: 50 }));
