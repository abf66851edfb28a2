/** Evidence that cannot be read as it claims to be; the API answers 422 with this message. */
export class AttributionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AttributionError";
  }
}
