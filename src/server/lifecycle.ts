/**
 * Readiness of the process: ready once every service has started, not ready from the moment a
 * shutdown begins (so load balancers stop sending work before in-flight requests finish).
 */
export class Lifecycle {
  #state: 'starting' | 'ready' | 'stopping' = 'starting';

  get ready(): boolean {
    return this.#state === 'ready';
  }

  get state(): 'starting' | 'ready' | 'stopping' {
    return this.#state;
  }

  markReady(): void {
    if (this.#state === 'starting') this.#state = 'ready';
  }

  markStopping(): void {
    this.#state = 'stopping';
  }
}
