const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether `id` is a UUID: ids that are not cannot name a row, and must not reach a `::uuid` cast. */
export const isUuid = (id: string) => UUID.test(id);
