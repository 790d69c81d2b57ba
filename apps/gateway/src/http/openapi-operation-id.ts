/** The operationId of a route: `Requests_submit` for RequestsController.submit. */
export function operationId(controllerName: string, methodName: string): string {
  return `${controllerName.replace(/Controller$/, '')}_${methodName}`;
}
