/**
 * What operators see of a node: a request id on every log line of a request, failures logged without the data
 * they carried, and the live-update meters. Health, info and metrics endpoints are configured in
 * application.properties and secured by {@code org.clinic.security.OperationsSecurity} (ADR 0015).
 */
@NullMarked
package org.clinic.base.operations;

import org.jspecify.annotations.NullMarked;
