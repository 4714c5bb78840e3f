/** What a promise rejects with; a promise that resolves fails the test (a thrown error is what is asserted). */
export async function caught(promise: Promise<unknown>): Promise<any> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected a rejection");
}
