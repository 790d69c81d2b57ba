export default async function globalTeardown() {
  await globalThis.__coopInfrastructure?.stop();
}
