/** Demo accounts and a living demo clinic for {@code spring-boot:run} (the dev profile); never in production. */
@NullMarked
package org.clinic.demo;

import org.jspecify.annotations.NullMarked;
