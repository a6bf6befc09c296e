/** Polls until `check` passes or `timeoutMs` is over, for what happens on a timer or after a restart. */
export async function eventually(check: () => Promise<void>, timeoutMs = 5_000, everyMs = 25): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  }
}
