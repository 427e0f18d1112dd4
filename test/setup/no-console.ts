// A test that prints to the console fails: stray output hides real problems.
for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
  beforeEach(() => {
    jest.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      throw new Error(`unexpected console.${method}: ${args.map(String).join(' ')}`);
    });
  });
}
afterEach(() => {
  jest.restoreAllMocks();
});
