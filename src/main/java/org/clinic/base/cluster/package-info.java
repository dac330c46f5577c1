/**
 * Several application nodes: live events and cache drops travel between nodes through Redis pub/sub. Off (one
 * node, no Redis) unless {@code clinic.cluster.redis-url} is set.
 */
@NullMarked
package org.clinic.base.cluster;

import org.jspecify.annotations.NullMarked;
