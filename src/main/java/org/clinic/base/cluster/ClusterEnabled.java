package org.clinic.base.cluster;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/** True when {@code clinic.cluster.redis-url} (CLINIC_CLUSTER_REDIS_URL) is set to something. */
class ClusterEnabled implements Condition {

    static final String PROPERTY = "clinic.cluster.redis-url";

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        return StringUtils.hasText(context.getEnvironment().getProperty(PROPERTY));
    }
}
