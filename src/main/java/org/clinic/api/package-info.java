/**
 * The clinic's REST API ({@code /api/v1}) for integration accounts: API tokens, the same services and rules as the
 * screens, idempotent booking, RFC 9457 problem documents and the OpenAPI document with Swagger UI.
 */
@NullMarked
package org.clinic.api;

import org.jspecify.annotations.NullMarked;
