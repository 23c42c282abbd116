/* Linked with -static: no dynamic loader, nothing to preload into. The
 * tracer must detect it before running it. */
int main(void) { return 0; }
