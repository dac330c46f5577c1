package org.clinic.base.operations;

import org.springframework.boot.test.context.SpringBootTest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The running server with the metrics account configured, as an operator sets it up; one cached context for the
 * operations tests.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"clinic.operations.metrics-username=" + Operator.USERNAME,
                "clinic.operations.metrics-password=" + Operator.PASSWORD})
@interface OperationsContext {
}
